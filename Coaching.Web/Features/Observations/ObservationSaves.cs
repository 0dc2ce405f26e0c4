using System.Security.Claims;
using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.Rubrics;
using Coaching.Web.Access;
using Coaching.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Observations;

/// <summary>What one save of the observation form came to; the page turns each into its answer.</summary>
public abstract record ObservationSave
{
    ObservationSave() { } // closed: only the outcomes below

    /// <summary>
    /// Stored as its next revision. <paramref name="Employee"/> is null when the save did not need them (the usual
    /// autosave of a draft); <paramref name="Applied"/> has the ids of the next steps it made.
    /// </summary>
    public sealed record Saved(Observation Observation, DraftApplied Applied, RubricVersion Rubric, Employee? Employee) : ObservationSave;

    public sealed record Submitted(Observation Observation) : ObservationSave;

    /// <summary>
    /// Nothing applied: the rules' problems, if any (a value that could not be read has its message already).
    /// <paramref name="Observation"/> is the one the form was for, unchanged, or a new one not stored.
    /// </summary>
    public sealed record Invalid(Observation Observation, IReadOnlyList<ObservationProblem> Problems, RubricVersion Rubric, Employee? Employee) : ObservationSave;

    /// <summary>A new observation asked for a rubric that is not the employee's: <paramref name="Current"/> is.</summary>
    public sealed record WrongRubric(Employee Employee, RubricVersion Current) : ObservationSave;

    /// <summary>
    /// Another device or tab saved first: <paramref name="Current"/> is the stored version; nothing of this save is
    /// kept. <paramref name="Rubric"/> is the one this form was rated against.
    /// </summary>
    public sealed record NewerVersion(Observation Current, RubricVersion Rubric) : ObservationSave;

    /// <summary>Nothing this user may write to; the message says why, without saying whose it is.</summary>
    public sealed record NotFound(string Message) : ObservationSave;
}

/// <summary>
/// A save of the observation form, autosave or submit: which observation it writes to (the draft of its key, or a new
/// one), with which rubric, and whether this user may; then the form applied (<see cref="Observation.Apply"/>) and
/// stored (<see cref="ObservationDrafts.StoreAsync"/>). A manager reaches only their own teams' people, whatever
/// ids are posted.
/// </summary>
public sealed class ObservationSaves(ObservationDrafts drafts, EmployeeAccess access, Rubrics.PublishedRubrics rubrics, TimeProvider clock,
    IOptions<OrganisationOptions> org, ILogger<ObservationSaves> logger, CoachingMetrics metrics)
{
    /// <param name="allValuesRead">
    /// False when a value could not be read (a level of "abc"): it has its message already and nothing is applied,
    /// but the rules still speak for the rest of the form.
    /// </param>
    public async Task<ObservationSave> SaveAsync(ClaimsPrincipal user, ObservationForm form, bool submit, bool allValuesRead, CancellationToken ct)
    {
        var userId = EmployeeAccess.UserId(user);
        // The usual autosave is the next revision of a draft already saved, of someone this user still sees: the one
        // read of the fast path. Anything else (a new draft, someone else's) goes the long way, with its own answers.
        var found = await drafts.FindForSaveAsync(user, form.DraftKey, ct);
        var observation = found?.Observation;
        Employee? employee = null;
        RubricVersion rubric;
        if (found is { EmployeeVisible: true } && found.Observation.EmployeeId == form.EmployeeId)
        {
            if (!ObservationRules.CanEdit(found.Observation, userId, Now)) return NotYours(userId, found.Observation);
            rubric = await rubrics.OfObservationAsync(found.Observation, ct);
            if (form.Revision != found.Observation.Revision) return new ObservationSave.NewerVersion(found.Observation, rubric);
        }
        else
        {
            employee = await access.FindAsync(user, form.EmployeeId, ct);
            if (employee is null) return new ObservationSave.NotFound("That employee is not in your teams.");
            // A draft of someone else than the form says (a copied or hand-made post).
            if (observation is not null) return NotYours(userId, observation);

            // Only a hand-made post gets here: the form is not offered when there is no rubric.
            if (await rubrics.CurrentOfRoleAsync(employee.JobRoleId, ct) is not { } current)
                return new ObservationSave.NotFound("This person's role has no published rubric yet.");
            if (await RubricToStartWithAsync(form.RubricVersionId, current, ct) is not { } chosen)
            {
                logger.LogWarning("User {User} tried to start an observation of employee {Employee} with rubric version {Version}", userId, employee.Id, form.RubricVersionId);
                return new ObservationSave.WrongRubric(employee, current);
            }
            rubric = chosen;
        }

        var now = Now;
        var isNew = observation is null;
        // Only the long way, which found the employee, gets here without an observation.
        observation ??= new Observation
        {
            DraftKey = form.DraftKey == Guid.Empty ? Guid.NewGuid() : form.DraftKey, EmployeeId = employee!.Id,
            ObserverUserId = userId, RubricVersionId = rubric.Id, CreatedAtUtc = now, Status = ObservationStatus.Draft,
        };
        var draft = form.ToDraft(Zone);
        var applied = allValuesRead ? observation.Apply(draft, rubric, now, Zone, submit) : null;
        if (applied is not { IsApplied: true })
            return new ObservationSave.Invalid(observation, applied?.Problems ?? observation.ProblemsWith(draft, rubric, now, Zone, submit), rubric, employee);
        // Another device or tab saved first (same draft key or a newer revision): theirs stands, nothing of this is kept.
        if (await drafts.StoreAsync(observation, isNew, applied.AuditTrail, ct) is { } newer)
            return new ObservationSave.NewerVersion(newer, rubric);

        if (submit)
        {
            metrics.ObservationSubmitted();
            return new ObservationSave.Submitted(observation);
        }
        metrics.Autosaved();
        return new ObservationSave.Saved(observation, applied, rubric, employee);
    }

    /// <summary>
    /// A new observation starts with the role's current version, or with the older version of the same rubric the form
    /// was opened with (<see cref="ObservationRules.MayStartWith"/>); null for any other.
    /// </summary>
    async Task<RubricVersion?> RubricToStartWithAsync(int askedId, RubricVersion current, CancellationToken ct)
    {
        if (askedId == 0 || askedId == current.Id) return current;
        return await rubrics.FindAsync(askedId, ct) is { } asked && ObservationRules.MayStartWith(asked, current) ? asked : null;
    }

    ObservationSave NotYours(string userId, Observation observation)
    {
        logger.LogWarning("User {User} tried to write observation {Id} they may not edit", userId, observation.Id);
        return new ObservationSave.NotFound("That observation is not yours to change.");
    }

    DateTime Now => clock.GetUtcNow().UtcDateTime;
    TimeZoneInfo Zone => org.Value.Zone;
}
