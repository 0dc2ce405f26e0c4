using System.Globalization;
using Coaching.Domain.Development;

namespace Coaching.Domain.Observations;

/// <summary>What following up a step from the observation form did.</summary>
public enum FollowUpOutcome { MarkedDone = 1, NotYet = 2, AlreadyDone = 3, NotFound = 4 }

/// <summary>
/// Following up while observing: what was agreed last time (next steps of earlier observations, agreed steps of
/// conversations) is marked "Done" or "Not yet" from the form, and each skill starts from its last observed level,
/// with the skills of an active plan first.
/// </summary>
public static class FollowUpRules
{
    /// <summary>
    /// "Done" closes the step; "Not yet" records that it was followed up and leaves it open. A step already done
    /// (by the employee on their phone, or on another device) stays done: "Not yet" does not reopen it.
    /// </summary>
    public static FollowUpOutcome Mark(ActionItem item, bool done, DateTime nowUtc)
    {
        // A step inside someone's unsubmitted draft is not shown anywhere, so it cannot be followed up either.
        if (!ObservationRules.CanMarkDone(item)) return FollowUpOutcome.NotFound;
        if (item.IsDone) return FollowUpOutcome.AlreadyDone;
        item.FollowedUpAtUtc = nowUtc;
        if (!done) return FollowUpOutcome.NotYet;
        item.IsDone = true;
        item.DoneAtUtc = nowUtc;
        return FollowUpOutcome.MarkedDone;
    }

    /// <summary>The same for a step agreed in a conversation; "Done" goes through the conversation's own rule.</summary>
    public static FollowUpOutcome Mark(DevelopmentConversation conversation, int stepId, bool done, DateTime nowUtc)
    {
        var step = conversation.Steps.FirstOrDefault(s => s.Id == stepId);
        if (step is null) return FollowUpOutcome.NotFound;
        if (step.IsDone) return FollowUpOutcome.AlreadyDone;
        if (done && conversation.MarkStep(stepId, true, nowUtc).Count > 0) return FollowUpOutcome.NotFound;
        step.FollowedUpAtUtc = nowUtc;
        conversation.UpdatedAtUtc = nowUtc;
        return done ? FollowUpOutcome.MarkedDone : FollowUpOutcome.NotYet;
    }

    /// <summary>
    /// The skills of the person's plans active at <paramref name="nowUtc"/>, by key. A skill in two active plans (two
    /// tracks) is shown with the sooner target.
    /// </summary>
    public static IReadOnlyDictionary<Guid, PlanSkill> ActivePlanSkills(IEnumerable<DevelopmentPlan> plans, DateTime nowUtc) =>
        DevelopmentPlan.ActiveAt(plans.Where(p => p.IsActive), nowUtc)
            .SelectMany(p => p.CurrentSkills)
            .GroupBy(s => s.SkillKey)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.TargetDate).ThenBy(s => s.TargetLevel).First());

    /// <summary>Plan skills first (the soonest target first), then the others in the order given.</summary>
    public static IReadOnlyList<T> PlanSkillsFirst<T>(IEnumerable<T> skills, Func<T, Guid> key, IReadOnlyDictionary<Guid, PlanSkill> planSkills) =>
        skills.Select((skill, index) => (skill, index, plan: planSkills.GetValueOrDefault(key(skill))))
            .OrderBy(x => x.plan is null)
            .ThenBy(x => x.plan?.TargetDate ?? DateOnly.MaxValue)
            .ThenBy(x => x.index)
            .Select(x => x.skill).ToList();

    /// <summary>What an observation of the skill is measured against: the plan's target when it is in an active plan, else the role's required level.</summary>
    public static int? ExpectedLevel(Guid skillKey, IReadOnlyDictionary<Guid, int> required, IReadOnlyDictionary<Guid, PlanSkill> planSkills) =>
        planSkills.TryGetValue(skillKey, out var plan) ? plan.TargetLevel
        : required.TryGetValue(skillKey, out var level) ? level
        : null;

    /// <summary>"In plan: target Level 3 by 12 Mar 2027": the mark on a plan skill's row.</summary>
    public static string PlanMark(PlanSkill skill) =>
        $"In plan: target Level {skill.TargetLevel} by {skill.TargetDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>The last observed level of each skill from submitted ratings (latest observation wins; unrated ratings carry none).</summary>
    public static IReadOnlyDictionary<Guid, T> LastObserved<T>(IEnumerable<T> ratings, Func<T, Guid> key, Func<T, DateTime> observedAtUtc) =>
        ratings.GroupBy(key).ToDictionary(g => g.Key, g => g.OrderBy(observedAtUtc).Last());
}
