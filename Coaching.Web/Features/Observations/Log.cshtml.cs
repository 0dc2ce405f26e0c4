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
/// </summary>
public class LogModel(ObservationDrafts drafts, EmployeeAccess access, Rubrics.PublishedRubrics rubrics, FollowUps followUps, IAuthorizationService authorization,
    TimeProvider clock, IOptions<OrganisationOptions> org, ILogger<LogModel> logger, CoachingMetrics metrics) : PageModel
{
    [BindProperty] public ObservationForm Form { get; set; } = new();

    public Employee Employee { get; private set; } = null!;
    public RubricVersion Rubric { get; private set; } = null!;
    public bool HasRubric => Rubric is not null;
    public string RubricName { get; private set; } = "";
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
        var version = await CurrentRubricAsync(employee, ct);
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
        // The usual autosave is the next revision of a draft already saved, of someone this user still sees: the one
        // read of the fast path. Anything else (a new draft, someone else's) goes the long way, with its own answers.
        var found = await drafts.FindForSaveAsync(User, Form.DraftKey, ct);
        var observation = found?.Observation;
        if (found is { EmployeeVisible: true } && found.Observation.EmployeeId == Form.EmployeeId)
        {
            if (!ObservationRules.CanEdit(found.Observation, EmployeeAccess.UserId(User), Now))
                return NotYours(found.Observation);
            Rubric = await LoadRubricAsync(found.Observation.RubricVersionId, ct);
            if (Form.Revision != found.Observation.Revision) return await NewerVersionAsync(found.Observation, submit, ct);
        }
        else
        {
            var employee = await access.FindAsync(User, Form.EmployeeId, ct);
            if (employee is null)
                return NotFound("That employee is not in your teams.");
            Employee = employee;
            // A draft of someone else than the form says (a copied or hand-made post).
            if (observation is not null) return NotYours(observation);

            // Only a hand-made post gets here: the form is not offered when there is no rubric.
            if (await CurrentRubricAsync(employee, ct) is not { } current) return NotFound("This person's role has no published rubric yet.");
            Rubric = current;
            if (Form.RubricVersionId != 0 && Form.RubricVersionId != Rubric.Id)
            {
                var asked = await rubrics.FindAsync(Form.RubricVersionId, ct);
                if (asked is null || !ObservationRules.MayStartWith(asked, current))
                {
                    logger.LogWarning("User {User} tried to start an observation of employee {Employee} with rubric version {Version}", EmployeeAccess.UserId(User), employee.Id, Form.RubricVersionId);
                    ModelState.AddModelError(ObservationFields.Form, $"This form is for a rubric that is not {employee.FullName}'s ({RubricName} for {employee.JobRole?.Name}). Reload the page to rate against the right one.");
                    Outcome = SaveOutcome.Invalid;
                    return await AnswerAsync(ct);
                }
                Rubric = await LoadRubricAsync(asked.Id, ct);
            }
        }

        var now = Now;
        var isNew = observation is null;
        observation ??= new Observation
        {
            DraftKey = Form.DraftKey == Guid.Empty ? Guid.NewGuid() : Form.DraftKey, EmployeeId = Employee.Id,
            ObserverUserId = EmployeeAccess.UserId(User), RubricVersionId = Rubric.Id, CreatedAtUtc = now, Status = ObservationStatus.Draft,
        };
        var draft = Form.ToDraft(Zone);
        // A value that could not be read (a level of "abc") already has its message and nothing is applied; the
        // rules still speak for the rest of the form.
        var applied = ModelState.ErrorCount == 0 ? observation.Apply(draft, Rubric, now, Zone, submit) : null;
        if (applied is not { IsApplied: true })
        {
            ReadableBindingMessages();
            foreach (var problem in applied?.Problems ?? observation.ProblemsWith(draft, Rubric, now, Zone, submit))
                ModelState.AddModelError(ObservationFields.For(problem), problem.Message);
            Outcome = SaveOutcome.Invalid;
            IsSubmitted = observation.IsSubmitted;
            SubmittedAtUtc = observation.SubmittedAtUtc;
            return await AnswerAsync(ct);
        }
        // Another device or tab saved first (same draft key or a newer revision): show theirs, nothing of this is kept.
        if (await drafts.StoreAsync(observation, isNew, applied.AuditTrail, ct) is { } newer)
            return await NewerVersionAsync(newer, submit, ct);

        if (submit)
        {
            metrics.ObservationSubmitted();
            return AfterSubmit(observation);
        }
        metrics.Autosaved();
        Form.Saved(observation, applied);
        IsSubmitted = observation.IsSubmitted;
        SubmittedAtUtc = observation.SubmittedAtUtc;
        Outcome = SaveOutcome.Saved;
        return await AnswerAsync(ct);
    }

    IActionResult NotYours(Observation observation)
    {
        logger.LogWarning("User {User} tried to write observation {Id} they may not edit", EmployeeAccess.UserId(User), observation.Id);
        return NotFound("That observation is not yours to change.");
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

    /// <summary>This form was made from an older revision than <paramref name="current"/>: show the newer one and what this device would lose.</summary>
    async Task<IActionResult> NewerVersionAsync(Observation current, bool submit, CancellationToken ct)
    {
        var unsaved = Form.NotIn(ObservationForm.From(current, Rubric, Zone), Rubric);
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

    async Task<IActionResult> AnswerAsync(CancellationToken ct)
    {
        if (Outcome == SaveOutcome.Invalid) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        if (Request.IsHtmx()) return Partial("_SaveResult", this);
        // The fast path of a save did not need the employee; the whole page shows them.
        Employee ??= (await access.FindAsync(User, Form.EmployeeId, ct))!;
        FollowUp = await followUps.ForFormAsync(Employee.Id, Employee.JobRoleId, Rubric, Form.ObservationId, ct);
        return Page();
    }

    /// <summary>The framework's words for a value it could not bind ("The value 'abc' is not valid for Level.") become ours.</summary>
    void ReadableBindingMessages()
    {
        foreach (var entry in ModelState.Values)
            for (var i = 0; i < entry.Errors.Count; i++)
                if (entry.Errors[i].ErrorMessage is var m && (string.IsNullOrEmpty(m) || m.Contains("is not valid") || m.StartsWith("The value")))
                    entry.Errors[i] = new ModelError("That value could not be read.");
    }

    async Task ShowAsync(Observation observation, CancellationToken ct)
    {
        Employee = (await access.FindAsync(User, observation.EmployeeId, ct))!;
        Rubric = await LoadRubricAsync(observation.RubricVersionId, ct);
        IsSubmitted = observation.IsSubmitted;
        SubmittedAtUtc = observation.SubmittedAtUtc;
        Form = ObservationForm.From(observation, Rubric, Zone);
        FollowUp = await followUps.ForFormAsync(Employee.Id, Employee.JobRoleId, Rubric, observation.Id, ct);
        ModelState.Clear(); // show the stored values, not what was posted
    }

    async Task<bool> MayEditAsync(Observation o, CancellationToken ct) =>
        ObservationRules.CanEdit(o, EmployeeAccess.UserId(User), Now) && await access.CanSeeAsync(User, o.EmployeeId, ct);

    async Task<RubricVersion> LoadRubricAsync(int versionId, CancellationToken ct)
    {
        var version = await rubrics.FindAsync(versionId, ct) ?? throw new InvalidOperationException($"Rubric version {versionId} is missing");
        RubricName = version.Rubric!.Name;
        return version;
    }

    /// <summary>The current published version of the employee's default rubric.</summary>
    async Task<RubricVersion?> CurrentRubricAsync(Employee employee, CancellationToken ct)
    {
        if (await rubrics.CurrentVersionIdOfRoleAsync(employee.JobRoleId, ct) is not { } id) return null;
        return await LoadRubricAsync(id, ct);
    }

    DateTime Now => clock.GetUtcNow().UtcDateTime;
    TimeZoneInfo Zone => org.Value.Zone;

    public string LocalTime(DateTime utc) => OrganisationClock.ToLocal(utc, Zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
}
