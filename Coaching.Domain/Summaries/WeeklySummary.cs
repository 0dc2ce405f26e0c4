using Coaching.Domain.Time;

namespace Coaching.Domain.Summaries;

/// <summary>What an employee with no observation in the week receives.</summary>
public enum QuietWeekPolicy
{
    /// <summary>A short summary when there is still something to say (open next steps); nothing otherwise.</summary>
    SendWhenAnythingToSay = 0,
    /// <summary>Always a summary, even "no observations this week" with nothing open.</summary>
    AlwaysSend = 1,
    /// <summary>Only weeks with at least one observation.</summary>
    OnlyObservedWeeks = 2,
}

/// <summary>Everything the composition needs about one employee, loaded up to the end of the week (plain data, no database).</summary>
public sealed record SummarySource(
    string EmployeeName,
    string RoleName,
    IReadOnlyList<SummarySource.Requirement> Requirements,
    IReadOnlyList<SummarySource.ObservationRecord> Observations,
    IReadOnlyList<SummarySource.ActionRecord> ActionItems,
    IReadOnlyDictionary<int, string>? LevelNames = null)
{
    public sealed record Requirement(Guid SkillKey, string SkillName, int RequiredLevel);
    public sealed record RatingRecord(Guid SkillKey, string SkillName, int? Level);
    /// <summary>A submitted observation of the employee, any week up to the summary's.</summary>
    public sealed record ObservationRecord(string ObserverName, DateTime ObservedAtUtc, string? Context, string? WentWell, string? NextSteps,
        IReadOnlyList<RatingRecord> Ratings);
    public sealed record ActionRecord(string Text, DateOnly? DueDate, bool IsDone, DateTime CreatedAtUtc);
}

/// <summary>One employee's development summary of one ISO week: what the PDF and the email say.</summary>
public sealed record WeeklySummary(
    string EmployeeName,
    string RoleName,
    IsoWeek Week,
    IReadOnlyList<WeeklySummary.ObservedVisit> Observations,
    IReadOnlyList<WeeklySummary.SkillProgress> Skills,
    IReadOnlyList<WeeklySummary.Note> WentWell,
    IReadOnlyList<WeeklySummary.Note> NextSteps,
    IReadOnlyList<WeeklySummary.OpenAction> OpenActions,
    IReadOnlyList<string> NeverObservedSkills,
    int MaxLevel)
{
    /// <summary>Who observed, when (organisation's local time) and where.</summary>
    public sealed record ObservedVisit(string ObserverName, DateTime ObservedAtLocal, string? Context);

    /// <summary>A skill's latest level, how it moved against the level before, and what the role requires.</summary>
    public sealed record SkillProgress(string SkillName, int? Level, int? PreviousLevel, int? RequiredLevel, bool ObservedThisWeek, string? LevelName)
    {
        /// <summary>Levels gained (positive) or lost (negative) against the previous rating; null when there is nothing to compare.</summary>
        public int? Change => Level is { } l && PreviousLevel is { } p ? l - p : null;
        public bool MeetsRequirement => RequiredLevel is null || Level >= RequiredLevel;
    }

    public sealed record Note(string Text, DateTime ObservedAtLocal, string ObserverName);
    public sealed record OpenAction(string Text, DateOnly? DueDate, bool IsOverdue);

    public bool HasObservations => Observations.Count > 0;
    public bool HasAnythingToSay => HasObservations || OpenActions.Count > 0;

    public bool ShouldSend(QuietWeekPolicy policy) => policy switch
    {
        QuietWeekPolicy.AlwaysSend => true,
        QuietWeekPolicy.OnlyObservedWeeks => HasObservations,
        _ => HasAnythingToSay,
    };

    /// <summary>"17–23 November 2026": the week as people say it.</summary>
    public string WeekDates => Week.Monday.Month == Week.Sunday.Month
        ? $"{Week.Monday.Day}–{Week.Sunday:d MMMM yyyy}"
        : Week.Monday.Year == Week.Sunday.Year
            ? $"{Week.Monday:d MMMM}–{Week.Sunday:d MMMM yyyy}"
            : $"{Week.Monday:d MMMM yyyy}–{Week.Sunday:d MMMM yyyy}";
}
