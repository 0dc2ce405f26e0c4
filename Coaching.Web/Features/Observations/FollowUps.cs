using System.Globalization;
using System.Security.Claims;
using Coaching.Domain.Development;
using Coaching.Domain.Observations;
using Coaching.Domain.Rubrics;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Observations;

/// <summary>
/// What the observation form shows to start from last time (open steps, last observed and expected levels, the plan's
/// skills), and the "Done" / "Not yet" follow-up of a step from the form. The rules are <see cref="FollowUpRules"/>.
/// </summary>
public sealed class FollowUps(CoachingDbContext db, Rubrics.PublishedRubrics rubrics, AuditTrail audit, TimeProvider clock, IOptions<OrganisationOptions> org)
{
    /// <summary>Where a step comes from: a next step of an observation, or a step agreed in a development conversation.</summary>
    public enum StepKind { NextStep = 1, AgreedStep = 2 }

    public sealed record OpenStep(StepKind Kind, int Id, string Text, string From, DateOnly? Due, bool IsOverdue, DateOnly? FollowedUpOn)
    {
        /// <summary>Unique on the page: both kinds number their steps separately.</summary>
        public string DomId => $"follow-{(Kind == StepKind.NextStep ? "n" : "a")}{Id}";
    }

    /// <summary>A skill's row context: the last observed level (name, date) and what it is measured against.</summary>
    public sealed record SkillContext(int? LastLevel, string? LastLevelName, DateOnly? LastObservedOn, int? Expected, bool InPlan, string? PlanMark)
    {
        public bool HasLast => LastLevel is not null;
    }

    /// <summary>What the form shows for one person.</summary>
    public sealed record ForForm(IReadOnlyList<OpenStep> Steps, IReadOnlyDictionary<Guid, SkillContext> Skills, IReadOnlyDictionary<Guid, PlanSkill> PlanSkills)
    {
        public static readonly ForForm None = new([], new Dictionary<Guid, SkillContext>(), new Dictionary<Guid, PlanSkill>());
        public SkillContext? For(Skill skill) => Skills.GetValueOrDefault(skill.Key);
    }

    /// <summary>
    /// The open steps of the person, and per skill of <paramref name="rubric"/> the last level observed in a submitted
    /// observation other than <paramref name="observationId"/> (the one on the form).
    /// </summary>
    public async Task<ForForm> ForFormAsync(int employeeId, int jobRoleId, RubricVersion rubric, int? observationId, CancellationToken ct)
    {
        var now = Now;
        var plans = await db.DevelopmentPlans.AsNoTracking().Include(p => p.Skills)
            .Where(p => p.EmployeeId == employeeId && p.Status == PlanStatus.Active).ToListAsync(ct);
        var planSkills = FollowUpRules.ActivePlanSkills(plans, now);
        var required = await db.RoleRequirements.AsNoTracking().Where(r => r.JobRoleId == jobRoleId)
            .ToDictionaryAsync(r => r.SkillKey, r => r.RequiredLevel, ct);

        var keys = rubric.Skills.Select(s => s.Key).ToList();
        var ratings = await db.Ratings.AsNoTracking()
            .Where(r => r.EmployeeId == employeeId && r.IsSubmitted && r.Level != null && keys.Contains(r.SkillKey) && r.ObservationId != (observationId ?? 0))
            .Join(db.Observations, r => r.ObservationId, o => o.Id, (r, o) => new { r.SkillKey, Level = r.Level!.Value, r.ObservedAtUtc, o.RubricVersionId })
            .ToListAsync(ct);
        var last = FollowUpRules.LastObserved(ratings, r => r.SkillKey, r => r.ObservedAtUtc);
        // A level is named as the rubric version it was rated against named it (the profile's rule).
        var levelNames = await rubrics.LevelNamesAsync(last.Values.Select(r => r.RubricVersionId), ct);

        var skills = rubric.Skills.ToDictionary(s => s.Key, s =>
        {
            var seen = last.GetValueOrDefault(s.Key);
            var plan = planSkills.GetValueOrDefault(s.Key);
            return new SkillContext(seen?.Level, seen is null ? null : levelNames.GetValueOrDefault((seen.RubricVersionId, seen.Level)),
                seen is null ? null : DateOnly.FromDateTime(OrganisationClock.ToLocal(seen.ObservedAtUtc, Zone)),
                FollowUpRules.ExpectedLevel(s.Key, required, planSkills), plan is not null, plan is null ? null : FollowUpRules.PlanMark(plan));
        });
        return new ForForm(await OpenStepsAsync(employeeId, ct), skills, planSkills);
    }

    /// <summary>Open next steps of submitted observations and open agreed steps of conversations, this person's only.</summary>
    public async Task<IReadOnlyList<OpenStep>> OpenStepsAsync(int employeeId, CancellationToken ct)
    {
        var today = OrganisationClock.Today(Now, Zone);
        var next = await db.ActionItems.AsNoTracking()
            .Where(a => a.EmployeeId == employeeId && !a.IsDone && a.Observation!.Status == ObservationStatus.Submitted)
            .Select(a => new { a.Id, a.Text, a.DueDate, a.IsDone, a.FollowedUpAtUtc, a.Observation!.ObservedAtUtc })
            .ToListAsync(ct);
        var agreed = await db.AgreedSteps.AsNoTracking()
            .Where(s => s.EmployeeId == employeeId && s.DoneAtUtc == null)
            .Join(db.DevelopmentConversations, s => s.DevelopmentConversationId, c => c.Id, (s, c) => new { s.Id, s.Text, s.Order, s.FollowedUpAtUtc, c.HeldOn })
            .ToListAsync(ct);
        return next.OrderBy(a => a.DueDate is null).ThenBy(a => a.DueDate).ThenBy(a => a.Id)
            .Select(a => new OpenStep(StepKind.NextStep, a.Id, a.Text, $"Next step from the observation of {Day(DateOnly.FromDateTime(OrganisationClock.ToLocal(a.ObservedAtUtc, Zone)))}",
                a.DueDate, a.DueDate is { } due && due < today, LocalDay(a.FollowedUpAtUtc)))
            .Concat(agreed.OrderBy(s => s.HeldOn).ThenBy(s => s.Order)
                .Select(s => new OpenStep(StepKind.AgreedStep, s.Id, s.Text, $"Agreed in the conversation of {Day(s.HeldOn)}", null, false, LocalDay(s.FollowedUpAtUtc))))
            .ToList();
    }

    /// <summary>
    /// Marks one of <paramref name="employeeId"/>'s steps done or not yet, written to the audit trail with the change.
    /// Null when the step is not this person's (or not to be seen): the page answers 404.
    /// </summary>
    public async Task<FollowUpOutcome?> MarkAsync(ClaimsPrincipal user, int employeeId, StepKind kind, int stepId, bool done, CancellationToken ct)
    {
        var now = Now;
        FollowUpOutcome outcome;
        string text;
        if (kind == StepKind.NextStep)
        {
            var item = await db.ActionItems.Include(a => a.Observation).SingleOrDefaultAsync(a => a.Id == stepId && a.EmployeeId == employeeId, ct);
            if (item is null) return null;
            outcome = FollowUpRules.Mark(item, done, now);
            text = item.Text;
        }
        else
        {
            var conversation = await db.DevelopmentConversations.Include(c => c.Steps)
                .SingleOrDefaultAsync(c => c.EmployeeId == employeeId && c.Steps.Any(s => s.Id == stepId && s.EmployeeId == employeeId), ct);
            if (conversation is null) return null;
            outcome = FollowUpRules.Mark(conversation, stepId, done, now);
            text = conversation.Steps.Single(s => s.Id == stepId).Text;
        }
        if (outcome == FollowUpOutcome.NotFound) return null;
        if (outcome is FollowUpOutcome.MarkedDone or FollowUpOutcome.NotYet)
        {
            audit.Record(user, outcome == FollowUpOutcome.MarkedDone ? "Followed up: done" : "Followed up: not yet",
                $"{(kind == StepKind.NextStep ? "Next step" : "Agreed step")} {stepId} of employee {employeeId}", text);
            await db.SaveChangesAsync(ct);
        }
        return outcome;
    }

    DateOnly? LocalDay(DateTime? utc) => utc is { } u ? DateOnly.FromDateTime(OrganisationClock.ToLocal(u, Zone)) : null;
    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
    DateTime Now => clock.GetUtcNow().UtcDateTime;
    TimeZoneInfo Zone => org.Value.Zone;
}
