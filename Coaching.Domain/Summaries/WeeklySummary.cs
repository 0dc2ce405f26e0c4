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
    IReadOnlyDictionary<int, string>? LevelNames = null,
    DevelopmentSource? Development = null,
    ProofOfSkillSource? ProofOfSkill = null)
{
    public sealed record Requirement(Guid SkillKey, string SkillName, int RequiredLevel);
    /// <summary>A rating, with its level's name in the rubric version it was made against (null: use the summary's names).</summary>
    public sealed record RatingRecord(Guid SkillKey, string SkillName, int? Level, string? LevelName = null);
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
    int MaxLevel,
    IReadOnlyDictionary<int, string>? LevelNames = null,
    SummaryDevelopment? Development = null,
    SummaryProofOfSkill? ProofOfSkill = null)
{
    /// <summary>Who observed, when (organisation's local time) and where.</summary>
    public sealed record ObservedVisit(string ObserverName, DateTime ObservedAtLocal, string? Context);

    /// <summary>
    /// A skill's level at the end of the week, its level before the week (the last rating before Monday), and what the
    /// role requires. The level names are those of the rubric version each rating was made against, as on the profile.
    /// </summary>
    public sealed record SkillProgress(string SkillName, int? Level, int? PreviousLevel, int? RequiredLevel, bool ObservedThisWeek, string? LevelName,
        string? PreviousLevelName = null)
    {
        /// <summary>
        /// This week's change: levels gained (positive) or lost (negative) by a skill rated this week, against its level
        /// before the week. Null when it was not rated this week (an older change is not this week's news) or was
        /// rated for the first time. The one rule behind the headline, the chart and the table.
        /// </summary>
        public int? Change => ObservedThisWeek && Level is { } l && PreviousLevel is { } p ? l - p : null;
        public bool MeetsRequirement => RequiredLevel is null || Level >= RequiredLevel;
        /// <summary>Rated this week and never before.</summary>
        public bool FirstRatedThisWeek => ObservedThisWeek && Level is not null && PreviousLevel is null;
    }

    /// <summary>The week's movement, from <see cref="SkillProgress.Change"/>: skills up, down, and rated for the first time.</summary>
    public sealed record Movement(IReadOnlyList<SkillProgress> Up, IReadOnlyList<SkillProgress> Down, IReadOnlyList<SkillProgress> FirstRated);

    public Movement ThisWeek => new(
        Skills.Where(k => k.Change > 0).ToList(),
        Skills.Where(k => k.Change < 0).ToList(),
        Skills.Where(k => k.FirstRatedThisWeek).ToList());

    /// <summary>
    /// The week in one sentence, as the PDF and the email open: "This week: 2 skills up (Greeting +1, Refunds +2),
    /// 1 down (Till accuracy −1)."
    /// </summary>
    public string Headline
    {
        get
        {
            if (!HasObservations) return "This week: no observations.";
            var week = ThisWeek;
            var parts = new List<string>();
            if (week.Up.Count > 0) parts.Add($"{SkillCount(week.Up.Count)} up ({string.Join(", ", week.Up.Select(k => $"{k.SkillName} {Signed(k.Change!.Value)}"))})");
            if (week.Down.Count > 0) parts.Add($"{(parts.Count > 0 ? week.Down.Count.ToString() : SkillCount(week.Down.Count))} down ({string.Join(", ", week.Down.Select(k => $"{k.SkillName} {Signed(k.Change!.Value)}"))})");
            if (week.FirstRated.Count > 0) parts.Add($"{(parts.Count > 0 ? week.FirstRated.Count.ToString() : SkillCount(week.FirstRated.Count))} rated for the first time");
            return parts.Count == 0 ? "This week: no skill changed level." : $"This week: {string.Join(", ", parts)}.";

            static string SkillCount(int n) => n == 1 ? "1 skill" : $"{n} skills";
        }
    }

    /// <summary>"+2", "−1" (a real minus sign), "0".</summary>
    public static string Signed(int change) => change > 0 ? $"+{change}" : change < 0 ? $"\u2212{-change}" : "0";

    /// <summary>A level as people say it: its name in the rubric ("Proficient"), or "level 3".</summary>
    public string LevelName(int level) => LevelNames?.TryGetValue(level, out var name) == true ? name : $"level {level}";

    public sealed record Note(string Text, DateTime ObservedAtLocal, string ObserverName);
    public sealed record OpenAction(string Text, DateOnly? DueDate, bool IsOverdue);

    public bool HasObservations => Observations.Count > 0;
    /// <summary>A week without observations still has something to say: open next steps, or proof-of-skill news (<see cref="SummaryProofOfSkill.HasNews"/>).</summary>
    public bool HasAnythingToSay => HasObservations || OpenActions.Count > 0 || ProofOfSkill?.HasNews == true;

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
