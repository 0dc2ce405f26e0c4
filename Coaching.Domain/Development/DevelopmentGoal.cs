using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.People;

namespace Coaching.Domain.Development;

/// <summary>The answer to "What is the goal?": it decides the track (see <see cref="TrackRules.TrackFor"/>).</summary>
public enum DevelopmentGoal
{
    /// <summary>Get better in the current role (upskilling).</summary>
    BetterInCurrentRole = 1,
    /// <summary>Move to another role (reskilling, or newskilling when new technology created that role).</summary>
    MoveToAnotherRole = 2,
    /// <summary>Take on extra work next to the current role (cross-training).</summary>
    ExtraWorkNextToCurrentRole = 3,
}

/// <summary>How the goal and the roles decide a plan's track, and which roles each track names.</summary>
public static class TrackRules
{
    /// <summary>
    /// Better in the current role → Upskilling; extra work → Cross-training; move to a role new technology created →
    /// Newskilling, to any other role (or none chosen yet) → Reskilling.
    /// </summary>
    public static DevelopmentTrack TrackFor(DevelopmentGoal goal, JobRole? role) => goal switch
    {
        DevelopmentGoal.BetterInCurrentRole => DevelopmentTrack.Upskilling,
        DevelopmentGoal.ExtraWorkNextToCurrentRole => DevelopmentTrack.CrossTraining,
        DevelopmentGoal.MoveToAnotherRole when role is { CreatedByNewTechnology: true } => DevelopmentTrack.Newskilling,
        DevelopmentGoal.MoveToAnotherRole => DevelopmentTrack.Reskilling,
        _ => throw new ArgumentOutOfRangeException(nameof(goal), goal, "Unknown goal."),
    };

    /// <summary>The goal a track answers (the form shows the goal, not the track).</summary>
    public static DevelopmentGoal GoalOf(DevelopmentTrack track) => track switch
    {
        DevelopmentTrack.Upskilling => DevelopmentGoal.BetterInCurrentRole,
        DevelopmentTrack.CrossTraining => DevelopmentGoal.ExtraWorkNextToCurrentRole,
        _ => DevelopmentGoal.MoveToAnotherRole,
    };

    public static string Label(this DevelopmentGoal goal) => goal switch
    {
        DevelopmentGoal.BetterInCurrentRole => "Get better in the current role",
        DevelopmentGoal.MoveToAnotherRole => "Move to another role",
        _ => "Take on extra work next to the current role",
    };

    /// <summary>
    /// Reskilling and newskilling name a target role, cross-training an additional role, upskilling neither; the role
    /// named is never the person's current one. Problems are keyed "TargetRoleId" / "AdditionalRoleId".
    /// </summary>
    public static IReadOnlyList<FieldProblem> CheckRoles(DevelopmentTrack track, int currentRoleId, int? targetRoleId, int? additionalRoleId)
    {
        var problems = new List<FieldProblem>();
        switch (track)
        {
            case DevelopmentTrack.Reskilling or DevelopmentTrack.Newskilling:
                if (targetRoleId is null) problems.Add(new(TargetRoleField, "Choose the role the person is moving to."));
                else if (targetRoleId == currentRoleId) problems.Add(new(TargetRoleField, "That is the person's current role; choose the role they are moving to, or the goal \"get better in the current role\"."));
                if (additionalRoleId is not null) problems.Add(new(AdditionalRoleField, "A plan to move to another role has no additional role."));
                break;
            case DevelopmentTrack.CrossTraining:
                if (additionalRoleId is null) problems.Add(new(AdditionalRoleField, "Choose the role whose work the person will also cover."));
                else if (additionalRoleId == currentRoleId) problems.Add(new(AdditionalRoleField, "That is the person's current role; choose the other role whose work they will also cover."));
                if (targetRoleId is not null) problems.Add(new(TargetRoleField, "A cross-training plan keeps the current role; it names an additional role, not a target role."));
                break;
            default:
                if (targetRoleId is not null) problems.Add(new(TargetRoleField, "Getting better in the current role has no target role."));
                if (additionalRoleId is not null) problems.Add(new(AdditionalRoleField, "Getting better in the current role has no additional role."));
                break;
        }
        return problems;
    }

    public const string TargetRoleField = "TargetRoleId";
    public const string AdditionalRoleField = "AdditionalRoleId";
    public const string GoalField = "Goal";

    /// <summary>One active plan per track at a time: a second upskilling plan is refused, a cross-training plan next to it is not.</summary>
    public static string? SecondActivePlanProblem(DevelopmentTrack track, IEnumerable<DevelopmentPlan> existingPlans) =>
        existingPlans.Any(p => p.Track == track && p.Status == PlanStatus.Active)
            ? $"There is already an active {track.Label().ToLowerInvariant()} plan; achieve or stop it before starting another."
            : null;
}
