using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.People;

namespace Coaching.Domain.Development;

public enum PlanStatus { Active = 1, Achieved = 2, Stopped = 3 }

/// <summary>What a plan's start gives back: the plan, or the problems (keyed by field) that stopped it.</summary>
public sealed record PlanStart(DevelopmentPlan? Plan, IReadOnlyList<FieldProblem> Problems);

/// <summary>
/// One employee's development plan: the track its goal decided, the skills to learn with a target level and date,
/// its status and a history. The methods here own every change, so the history cannot be skipped.
/// </summary>
public class DevelopmentPlan
{
    public const int MaxStopReasonLength = 500;
    public const int MaxEventLength = 500;
    /// <summary>How far ahead a target date may be: further is a typo, not a plan.</summary>
    public const int MaxTargetYearsAhead = 3;

    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public DevelopmentTrack Track { get; set; }
    /// <summary>The role a reskilling or newskilling plan moves to.</summary>
    public int? TargetRoleId { get; set; }
    /// <summary>The role whose work a cross-training plan adds next to the current one.</summary>
    public int? AdditionalRoleId { get; set; }
    public PlanStatus Status { get; set; } = PlanStatus.Active;
    /// <summary>Why the plan was stopped (required to stop).</summary>
    public string? StopReason { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedByUserId { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public required string UpdatedByUserId { get; set; }
    /// <summary>When it was achieved or stopped; with <see cref="CreatedAtUtc"/> the window whose observations belong to the plan.</summary>
    public DateTime? EndedAtUtc { get; set; }
    public List<PlanSkill> Skills { get; set; } = [];
    public List<PlanEvent> History { get; set; } = [];

    public bool IsActive => Status == PlanStatus.Active;
    public IEnumerable<PlanSkill> CurrentSkills => Skills.Where(s => s.DroppedAtUtc is null);

    /// <summary>
    /// Starts a plan from the goal. <paramref name="role"/> is the role the goal names (the target role when moving,
    /// the additional role for extra work, null for the current role). Refused while the same track has an active plan.
    /// </summary>
    public static PlanStart Start(int employeeId, int currentRoleId, DevelopmentGoal goal, JobRole? role,
        IEnumerable<DevelopmentPlan> existingPlans, string userId, DateTime nowUtc)
    {
        var track = TrackRules.TrackFor(goal, role);
        int? target = goal == DevelopmentGoal.MoveToAnotherRole ? role?.Id : null;
        int? additional = goal == DevelopmentGoal.ExtraWorkNextToCurrentRole ? role?.Id : null;
        var problems = TrackRules.CheckRoles(track, currentRoleId, target, additional).ToList();
        if (goal == DevelopmentGoal.BetterInCurrentRole && role is not null && role.Id != currentRoleId)
            problems.Add(new(TrackRules.GoalField, "Getting better in the current role names no other role."));
        if (TrackRules.SecondActivePlanProblem(track, existingPlans.Where(p => p.EmployeeId == employeeId)) is { } second)
            problems.Add(new(TrackRules.GoalField, second));
        if (problems.Count > 0) return new(null, problems);

        var plan = new DevelopmentPlan
        {
            EmployeeId = employeeId, Track = track, TargetRoleId = target, AdditionalRoleId = additional,
            CreatedAtUtc = nowUtc, CreatedByUserId = userId, UpdatedAtUtc = nowUtc, UpdatedByUserId = userId,
        };
        plan.Record($"Started {(track == DevelopmentTrack.Upskilling ? "an" : "a")} {track.Label().ToLowerInvariant()} plan{(role is null ? "" : $" ({(target is null ? "also covering" : "moving to")} {role.Name})")}.", userId, nowUtc);
        return new(plan, []);
    }

    /// <summary>The role whose required levels the plan's skills are measured against: the current one for upskilling.</summary>
    public int RequirementsRoleId(int currentRoleId) => Track switch
    {
        DevelopmentTrack.Upskilling => currentRoleId,
        DevelopmentTrack.CrossTraining => AdditionalRoleId ?? currentRoleId,
        _ => TargetRoleId ?? currentRoleId,
    };

    /// <summary>Adds a skill with its target. <paramref name="minLevel"/>..<paramref name="maxLevel"/> is the rubric's scale.</summary>
    public IReadOnlyList<FieldProblem> AddSkill(Guid skillKey, string skillName, int targetLevel, DateOnly? targetDate,
        int minLevel, int maxLevel, DateOnly today, string userId, DateTime nowUtc)
    {
        var problems = NotActiveProblems();
        if (CurrentSkills.Any(s => s.SkillKey == skillKey)) problems.Add(new(SkillField, $"{skillName} is already in the plan."));
        problems.AddRange(TargetProblems(targetLevel, targetDate, minLevel, maxLevel, today, null));
        if (problems.Count > 0) return problems;
        Skills.Add(new PlanSkill { SkillKey = skillKey, TargetLevel = targetLevel, TargetDate = targetDate!.Value, AddedAtUtc = nowUtc, AddedByUserId = userId });
        Record($"Added {skillName}: level {targetLevel} by {Day(targetDate.Value)}.", userId, nowUtc);
        return problems;
    }

    /// <summary>Drops a skill from the plan; its row stays (with the date) so the history shows it was there.</summary>
    public IReadOnlyList<FieldProblem> DropSkill(Guid skillKey, string skillName, string userId, DateTime nowUtc)
    {
        var problems = NotActiveProblems();
        var skill = CurrentSkills.FirstOrDefault(s => s.SkillKey == skillKey);
        if (skill is null) problems.Add(new(SkillField, $"{skillName} is not in the plan."));
        if (problems.Count > 0) return problems;
        skill!.DroppedAtUtc = nowUtc;
        Record($"Dropped {skillName}.", userId, nowUtc);
        return problems;
    }

    /// <summary>Changes a skill's target level and date. A stored date already past is not re-judged (see <see cref="TargetProblems"/>).</summary>
    public IReadOnlyList<FieldProblem> ChangeTarget(Guid skillKey, string skillName, int targetLevel, DateOnly? targetDate,
        int minLevel, int maxLevel, DateOnly today, string userId, DateTime nowUtc)
    {
        var problems = NotActiveProblems();
        var skill = CurrentSkills.FirstOrDefault(s => s.SkillKey == skillKey);
        if (skill is null) problems.Add(new(SkillField, $"{skillName} is not in the plan."));
        else problems.AddRange(TargetProblems(targetLevel, targetDate, minLevel, maxLevel, today, skill.TargetDate));
        if (problems.Count > 0) return problems;
        if (skill!.TargetLevel == targetLevel && skill.TargetDate == targetDate) return problems;
        Record($"Changed {skillName}: level {skill.TargetLevel} by {Day(skill.TargetDate)} → level {targetLevel} by {Day(targetDate!.Value)}.", userId, nowUtc);
        skill.TargetLevel = targetLevel;
        skill.TargetDate = targetDate!.Value;
        return problems;
    }

    public IReadOnlyList<FieldProblem> Achieve(string userId, DateTime nowUtc)
    {
        var problems = NotActiveProblems();
        if (problems.Count > 0) return problems;
        Status = PlanStatus.Achieved;
        EndedAtUtc = nowUtc;
        Record("Marked the plan achieved.", userId, nowUtc);
        return problems;
    }

    public IReadOnlyList<FieldProblem> Stop(string? reason, string userId, DateTime nowUtc)
    {
        var problems = NotActiveProblems();
        if (string.IsNullOrWhiteSpace(reason)) problems.Add(new(StopReasonField, "Say why the plan stops."));
        else if (reason.Trim().Length > MaxStopReasonLength) problems.Add(new(StopReasonField, $"The reason is at most {MaxStopReasonLength} characters (this has {reason.Trim().Length})."));
        else if (ObservationRules.ControlCharacterProblem(reason) is { } control) problems.Add(new(StopReasonField, control));
        if (problems.Count > 0) return problems;
        Status = PlanStatus.Stopped;
        StopReason = reason!.Trim();
        EndedAtUtc = nowUtc;
        Record($"Stopped the plan: {StopReason}", userId, nowUtc);
        return problems;
    }

    /// <summary>Whether an observation made at <paramref name="atUtc"/> belongs to this plan: from its start until it ended.</summary>
    public bool WasActiveAt(DateTime atUtc) => CreatedAtUtc <= atUtc && (EndedAtUtc is not { } ended || atUtc < ended);

    /// <summary>The plans an observation made at <paramref name="observedAtUtc"/> belongs to (derived, not stored on the observation).</summary>
    public static IReadOnlyList<DevelopmentPlan> ActiveAt(IEnumerable<DevelopmentPlan> plans, DateTime observedAtUtc) =>
        plans.Where(p => p.WasActiveAt(observedAtUtc)).ToList();

    /// <summary>A target level on the rubric's scale and a date from today up to three years ahead (a stored date is kept).</summary>
    public static IReadOnlyList<FieldProblem> TargetProblems(int targetLevel, DateOnly? targetDate, int minLevel, int maxLevel, DateOnly today, DateOnly? stored)
    {
        var problems = new List<FieldProblem>();
        if (targetLevel < minLevel || targetLevel > maxLevel) problems.Add(new(TargetLevelField, $"Choose a target level from {minLevel} to {maxLevel}."));
        if (targetDate is not { } date) problems.Add(new(TargetDateField, "Choose the date to reach the target by."));
        else if (date != stored && date < today) problems.Add(new(TargetDateField, $"The target date is in the past; choose {Day(today)} or later."));
        else if (date != stored && date > today.AddYears(MaxTargetYearsAhead)) problems.Add(new(TargetDateField, $"Choose a target date within {MaxTargetYearsAhead} years (by {Day(today.AddYears(MaxTargetYearsAhead))})."));
        return problems;
    }

    public const string SkillField = "SkillKey";
    public const string TargetLevelField = "TargetLevel";
    public const string TargetDateField = "TargetDate";
    public const string StopReasonField = "StopReason";
    public const string StatusField = "Status";

    List<FieldProblem> NotActiveProblems() => IsActive ? [] :
        [new(StatusField, $"This plan was {(Status == PlanStatus.Achieved ? "achieved" : "stopped")} and no longer changes; start a new one.")];

    void Record(string what, string userId, DateTime nowUtc)
    {
        History.Add(new PlanEvent { AtUtc = nowUtc, UserId = userId, What = what.Length > MaxEventLength ? what[..MaxEventLength] : what });
        UpdatedAtUtc = nowUtc;
        UpdatedByUserId = userId;
    }

    static string Day(DateOnly d) => d.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A skill in a plan, by its stable key (it survives new rubric versions), with the level and date to reach it by.</summary>
public class PlanSkill
{
    public int Id { get; set; }
    public int DevelopmentPlanId { get; set; }
    public Guid SkillKey { get; set; }
    public int TargetLevel { get; set; }
    public DateOnly TargetDate { get; set; }
    public DateTime AddedAtUtc { get; set; }
    public string AddedByUserId { get; set; } = "";
    /// <summary>Set when the manager drops the skill; the row stays so the plan's history shows it.</summary>
    public DateTime? DroppedAtUtc { get; set; }

    public bool IsDropped => DroppedAtUtc is not null;

    /// <summary>Whether the last observed level reaches the target (never observed: not yet).</summary>
    public bool IsReachedBy(int? observedLevel) => observedLevel >= TargetLevel;
}

/// <summary>One line of a plan's history: when, who, what (in words, as it read at the time).</summary>
public class PlanEvent
{
    public int Id { get; set; }
    public int DevelopmentPlanId { get; set; }
    public DateTime AtUtc { get; set; }
    public required string UserId { get; set; }
    public required string What { get; set; }
}
