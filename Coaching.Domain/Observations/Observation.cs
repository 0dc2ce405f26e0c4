using Coaching.Domain.Organisation;
using Coaching.Domain.Rubrics;

namespace Coaching.Domain.Observations;

public enum ObservationStatus { Draft = 0, Submitted = 1 }

/// <summary>Why the employee is developing a skill; decided by the goal (same role, new role, extra work, new technology).</summary>
public enum DevelopmentTrack { Upskilling = 1, Reskilling = 2, CrossTraining = 3, Newskilling = 4 }

/// <summary>What a manager saw an employee do, rated against one rubric version.</summary>
public class Observation
{
    public int Id { get; set; }
    /// <summary>
    /// Made by the form when it opens and sent with every save: the first save creates the draft, later saves
    /// (a retry after a dropped connection, a double tap on Submit) find it again instead of making another.
    /// </summary>
    public Guid DraftKey { get; set; } = Guid.NewGuid();
    public int EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    /// <summary>The account of the manager who observed.</summary>
    public required string ObserverUserId { get; set; }
    public int RubricVersionId { get; set; }
    public RubricVersion? RubricVersion { get; set; }
    public DateTime ObservedAtUtc { get; set; }
    public string? Context { get; set; }
    public string? WentWell { get; set; }
    public string? NextSteps { get; set; }
    public DevelopmentTrack? Track { get; set; }
    public ObservationStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    /// <summary>Bumped on every save; a save made against an older revision is refused rather than overwriting.</summary>
    public int Revision { get; set; }
    public List<Rating> Ratings { get; set; } = [];
    public List<ActionItem> ActionItems { get; set; } = [];

    public bool IsSubmitted => Status == ObservationStatus.Submitted;

    /// <summary>Submits the observation; from now on it counts everywhere (profile, summaries, coverage).</summary>
    public void Submit(DateTime nowUtc)
    {
        if (Status == ObservationStatus.Submitted) return;
        Status = ObservationStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        SyncRatings();
    }

    /// <summary>
    /// Copies who, whom, when and whether-submitted onto each rating, so reporting can aggregate
    /// ratings without joining observations. Call after any change to those fields or the ratings.
    /// </summary>
    public void SyncRatings()
    {
        foreach (var r in Ratings)
        {
            r.EmployeeId = EmployeeId;
            r.ObserverUserId = ObserverUserId;
            r.ObservedAtUtc = ObservedAtUtc;
            r.IsSubmitted = Status == ObservationStatus.Submitted;
        }
    }
}

/// <summary>The level an employee showed in one skill, with the evidence for it.</summary>
public class Rating
{
    public int Id { get; set; }
    public int ObservationId { get; set; }
    public int SkillId { get; set; }
    public Skill? Skill { get; set; }
    /// <summary>The skill's stable key (copied from the skill) so reporting groups across rubric versions.</summary>
    public Guid SkillKey { get; set; }
    public int? Level { get; set; }
    public string? Evidence { get; set; }

    // Copies of the observation's fields (kept by Observation.SyncRatings) so coverage and calibration
    // aggregate over one indexed table.
    public int EmployeeId { get; set; }
    public string ObserverUserId { get; set; } = "";
    public DateTime ObservedAtUtc { get; set; }
    public bool IsSubmitted { get; set; }
}

/// <summary>A next step the employee agreed to take.</summary>
public class ActionItem
{
    public int Id { get; set; }
    public int ObservationId { get; set; }
    public Observation? Observation { get; set; }
    public int EmployeeId { get; set; }
    public required string Text { get; set; }
    public DateOnly? DueDate { get; set; }
    public bool IsDone { get; set; }
    public DateTime? DoneAtUtc { get; set; }

    public bool IsOverdue(DateOnly today) => !IsDone && DueDate is { } due && due < today;
}

/// <summary>One change made to an observation after it was submitted.</summary>
public class ObservationChange
{
    public int Id { get; set; }
    public int ObservationId { get; set; }
    public required string UserId { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}

public static class DevelopmentTrackNames
{
    /// <summary>The track as people write it ("Cross-training").</summary>
    public static string Label(this DevelopmentTrack track) => track switch
    {
        DevelopmentTrack.CrossTraining => "Cross-training",
        _ => track.ToString(),
    };
}
