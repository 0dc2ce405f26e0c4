using System.Diagnostics;
using System.Globalization;
using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.Rubrics;
using Coaching.Domain.Time;
using Coaching.Web.Access;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Observations;

/// <summary>
/// Logging an observation on the floor: one form, autosaved whole on every change (so a retry after a dropped
/// connection resends everything), submitted once. Drafts are found again by their <see cref="Observation.DraftKey"/>.
/// A save is <see cref="ObservationSaves"/>'s; this page turns what it came to into the answer (status, messages, htmx).
/// </summary>
public class LogModel(ObservationSaves saves, ObservationDrafts drafts, EmployeeAccess access, Rubrics.PublishedRubrics rubrics, FollowUps followUps,
    IAuthorizationService authorization, TimeProvider clock, IOptions<OrganisationOptions> org) : PageModel
{
    [BindProperty] public ObservationForm Form { get; set; } = new();

    public Employee Employee { get; private set; } = null!;
    public RubricVersion Rubric { get; private set; } = null!;
    public bool HasRubric => Rubric is not null;
    public string RubricName => HasRubric ? Rubric.Rubric!.Name : "";
    public bool IsSubmitted { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    /// <summary>The first message for a field (named by <see cref="ObservationFields"/>), shown beside it.</summary>
    public string? MessageFor(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
    public string? Notice { get; private set; }
    /// <summary>After a conflict: what this device had typed that the newer version does not have, to be made again.</summary>
    public IReadOnlyList<ObservationForm.Unsaved> Unsaved { get; private set; } = [];
    /// <summary>Skills with a level chosen, for the "5 of 8 rated" line beside Submit.</summary>
    public int RatedCount => Form.Ratings.Count(r => r.Level is not null);
    public SaveOutcome Outcome { get; private set; }
    /// <summary>What to follow up from last time, and each skill's last observed and expected level.</summary>
    public FollowUps.ForForm FollowUp { get; private set; } = FollowUps.ForForm.None;
    /// <summary>The follow-up list is open again after a "Done" / "Not yet" from it.</summary>
    public bool FollowUpOpen { get; private set; }
    /// <summary>A newer version replaces the form through htmx: the heading above the follow-up list comes with it, out of band.</summary>
    public bool HeadingOutOfBand { get; private set; }

    public enum SaveOutcome { None, Saved, Invalid, Conflict }

    public async Task<IActionResult> OnGetAsync(int? id, int? employeeId, CancellationToken ct)
    {
        if (id is { } observationId)
        {
            var observation = await drafts.LoadAsync(o => o.Id == observationId, ct);
            if (observation is null || !await MayEditAsync(observation, ct)) return NotFound();
            await ShowAsync(observation, ct);
            return Page();
        }
        if (employeeId is not { } eid) return NotFound();
        var employee = await access.FindAsync(User, eid, ct);
        if (employee is null) return NotFound();

        // An unfinished draft for this person is picked up again rather than started over.
        var me = EmployeeAccess.UserId(User);
        var draft = await drafts.LoadAsync(o => o.EmployeeId == eid && o.ObserverUserId == me && o.Status == ObservationStatus.Draft, ct);
        if (draft is not null)
        {
            Notice = "You had an unfinished observation for this person; here it is.";
            await ShowAsync(draft, ct);
            return Page();
        }
        Employee = employee;
        var version = await rubrics.CurrentOfRoleAsync(employee.JobRoleId, ct);
        if (version is null)
        {
            Notice = $"{employee.FullName}'s role ({employee.JobRole?.Name}) has no published rubric yet, so there is nothing to rate against. Ask HR to set one under Rubrics → Job roles.";
            return Page();
        }
        Rubric = version;
        Form = ObservationForm.New(employee.Id, version, OrganisationClock.ToLocal(Now, Zone));
        FollowUp = await followUps.ForFormAsync(employee.Id, employee.JobRoleId, version, null, ct);
        return Page();
    }

    /// <summary>
    /// "Done" or "Not yet" on a step from last time (a next step of an earlier observation or a step agreed in a
    /// conversation), from the form's follow-up list. Coaches only; the step must be this person's (else 404).
    /// </summary>
    public async Task<IActionResult> OnPostFollowUpAsync(int employeeId, FollowUps.StepKind kind, int stepId, bool done, CancellationToken ct)
    {
        if (!await authorization.AllowsAsync(User, Policies.Coaches)) return Forbid();
        if (await Request.IsUnreadableFormAsync(ct) || !ModelState.IsValid || !Enum.IsDefined(kind)) return BadRequest("That step could not be read. Reload the page.");
        var employee = await access.FindAsync(User, employeeId, ct);
        if (employee is null) return NotFound();
        var outcome = await followUps.MarkAsync(User, employee.Id, kind, stepId, done, ct);
        if (outcome is null) return NotFound();
        Response.Toast(outcome switch
        {
            FollowUpOutcome.MarkedDone => "Marked done.",
            FollowUpOutcome.NotYet => "Noted: not yet. It stays open.",
            _ => "That step was already marked done.",
        });
        if (!this.WantsPartial()) return Redirect($"/Observations/Log?employeeId={employee.Id}");
        Employee = employee;
        FollowUp = FollowUps.ForForm.None with { Steps = await followUps.OpenStepsAsync(employee.Id, ct) };
        FollowUpOpen = true;
        return Partial("_FollowUp", this);
    }

    /// <summary>One more empty action item row (the form starts with three).</summary>
    public IActionResult OnGetActionItemRow(int index) =>
        index is < 0 or >= ObservationRules.MaxActionItems ? BadRequest() : Partial("_ActionItemRow", (index, new ObservationForm.ActionItemInput(), (string?)null, (string?)null));

    /// <summary>Autosave: everything on the form, every time. htmx gets the save status (and any messages) out of band.</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => await SaveAsync(submit: false, ct);

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => await SaveAsync(submit: true, ct);

    async Task<IActionResult> SaveAsync(bool submit, CancellationToken ct)
    {
        // A damaged post (a NUL anywhere, junk in a hidden field) is not "someone else's employee": say what it is.
        if (await Request.IsUnreadableFormAsync(ct)) return BadRequest(UnreadableForm.Message);
        if (ObservationFields.Identity.Any(f => ModelState.TryGetValue(f, out var entry) && entry.Errors.Count > 0))
            return BadRequest("This form could not be read. Reload the page; what was saved is kept.");
        var save = await saves.SaveAsync(User, Form, submit, allValuesRead: ModelState.ErrorCount == 0, ct);
        switch (save)
        {
            case ObservationSave.Saved saved:
                Form.Saved(saved.Observation, saved.Applied);
                return await AnswerAsync(SaveOutcome.Saved, saved.Observation, saved.Rubric, saved.Employee, ct);
            case ObservationSave.Submitted submitted:
                return AfterSubmit(submitted.Observation);
            case ObservationSave.Invalid invalid:
                ModelState.UsePlainBindingMessages();
                foreach (var problem in invalid.Problems) ModelState.AddModelError(ObservationFields.For(problem), problem.Message);
                return await AnswerAsync(SaveOutcome.Invalid, invalid.Observation, invalid.Rubric, invalid.Employee, ct);
            case ObservationSave.WrongRubric (var employee, var current):
                ModelState.AddModelError(ObservationFields.Form, $"This form is for a rubric that is not {employee.FullName}'s ({current.Rubric!.Name} for {employee.JobRole?.Name}). Reload the page to rate against the right one.");
                return await AnswerAsync(SaveOutcome.Invalid, null, current, employee, ct);
            case ObservationSave.NewerVersion newer:
                return await NewerVersionAsync(newer.Current, newer.Rubric, submit, ct);
            case ObservationSave.NotFound notFound:
                return NotFound(notFound.Message);
            default:
                throw new UnreachableException($"A save came to {save.GetType().Name}, which this page does not answer.");
        }
    }

    IActionResult AfterSubmit(Observation observation)
    {
        var profile = $"/People/{observation.EmployeeId}";
        if (Request.IsHtmx())
        {
            Response.Htmx(h => h.Redirect(profile));
            return new OkResult();
        }
        TempData["Toast"] = "Observation submitted.";
        return Redirect(profile);
    }

    /// <summary>
    /// This form, rated against <paramref name="rubric"/>, was made from an older revision than <paramref name="current"/>:
    /// show the newer one and what this device would lose.
    /// </summary>
    async Task<IActionResult> NewerVersionAsync(Observation current, RubricVersion rubric, bool submit, CancellationToken ct)
    {
        var unsaved = Form.NotIn(ObservationForm.From(current, rubric, Zone), rubric);
        // A second tap on Submit (or a retry) for what is already submitted, with nothing new in it: one observation, same answer.
        if (submit && current.IsSubmitted && unsaved.Count == 0) return AfterSubmit(current);
        var submittedElsewhere = current.IsSubmitted && !Form.WasSubmitted;
        await ShowAsync(current, ct);
        Outcome = SaveOutcome.Conflict;
        Unsaved = unsaved;
        var what = submittedElsewhere
            ? $"This observation was submitted from another device ({LocalTime(current.SubmittedAtUtc!.Value)}). You are now seeing what was submitted; you may amend it until {LocalTime(current.SubmittedAtUtc!.Value + ObservationRules.AmendWindow)}."
            : "This observation was changed on another device. You are now seeing the newer version.";
        Notice = unsaved.Count == 0
            ? $"{what} Everything you typed here is in it."
            : $"{what} What you typed here that is not in it is listed below: use it again where it is still needed.";
        if (Request.IsHtmx())
        {
            // The whole form is replaced with the newer state.
            Response.Htmx(h => h.Retarget("#observation").Reswap("outerHTML"));
            HeadingOutOfBand = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Partial("_Form", this);
        }
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>The save status and messages: out of band for htmx, else the whole page. <paramref name="observation"/> is null when none was made.</summary>
    async Task<IActionResult> AnswerAsync(SaveOutcome outcome, Observation? observation, RubricVersion rubric, Employee? employee, CancellationToken ct)
    {
        Outcome = outcome;
        Rubric = rubric;
        IsSubmitted = observation?.IsSubmitted ?? false;
        SubmittedAtUtc = observation?.SubmittedAtUtc;
        if (Outcome == SaveOutcome.Invalid) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        if (Request.IsHtmx()) return Partial("_SaveResult", this);
        // The fast path of a save did not need the employee; the whole page shows them.
        Employee = employee ?? (await access.FindAsync(User, Form.EmployeeId, ct))!;
        FollowUp = await followUps.ForFormAsync(Employee.Id, Employee.JobRoleId, Rubric, Form.ObservationId, ct);
        return Page();
    }

    async Task ShowAsync(Observation observation, CancellationToken ct)
    {
        Employee = (await access.FindAsync(User, observation.EmployeeId, ct))!;
        Rubric = await rubrics.OfObservationAsync(observation, ct);
        IsSubmitted = observation.IsSubmitted;
        SubmittedAtUtc = observation.SubmittedAtUtc;
        Form = ObservationForm.From(observation, Rubric, Zone);
        FollowUp = await followUps.ForFormAsync(Employee.Id, Employee.JobRoleId, Rubric, observation.Id, ct);
        ModelState.Clear(); // show the stored values, not what was posted
    }

    async Task<bool> MayEditAsync(Observation o, CancellationToken ct) =>
        ObservationRules.CanEdit(o, EmployeeAccess.UserId(User), Now) && await access.CanSeeAsync(User, o.EmployeeId, ct);

    DateTime Now => clock.GetUtcNow().UtcDateTime;
    TimeZoneInfo Zone => org.Value.Zone;

    public string LocalTime(DateTime utc) => OrganisationClock.ToLocal(utc, Zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
}
