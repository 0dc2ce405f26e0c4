using Coaching.Domain.Time;

namespace Coaching.Domain.Summaries;

public enum SummaryWeekState
{
    /// <summary>The week is over: its summaries are the real ones.</summary>
    Ended = 0,
    /// <summary>Today is in this week: a summary now can only be a preview, and the real one goes out after it ends.</summary>
    Current = 1,
    Future = 2,
    /// <summary>Before the organisation's earliest data: there is nothing to summarise.</summary>
    BeforeOrganisation = 3,
}

/// <summary>Which weeks can be sent, and what a person is told about the others.</summary>
/// <param name="Problem">Why the week cannot be sent at all (future, before the organisation), or null.</param>
public sealed record SummaryWeek(IsoWeek Week, SummaryWeekState State, string? Problem)
{
    public bool CanSend => Problem is null;
    /// <summary>A send now is a preview: it must not record the week as sent, or the real send after the week would be blocked.</summary>
    public bool IsPreview => State == SummaryWeekState.Current;

    /// <param name="today">Today in the organisation's time zone.</param>
    /// <param name="earliestData">The organisation's earliest date (first hire, first observation), or null when it has no data.</param>
    public static SummaryWeek Check(IsoWeek week, DateOnly today, DateOnly? earliestData)
    {
        var current = IsoWeek.Of(today);
        if (week.CompareTo(current) > 0)
            return new(week, SummaryWeekState.Future, $"Week {week} has not started yet. Summaries are sent after a week ends; the latest week that has ended is {current.Previous}.");
        if (earliestData is not { } first || week.Sunday < first)
            return new(week, SummaryWeekState.BeforeOrganisation, earliestData is { } d
                ? $"Week {week} is before the organisation's earliest data ({d:d MMMM yyyy}, week {IsoWeek.Of(d)}): there is nothing to summarise."
                : "The organisation has no people or observations yet: there is nothing to summarise.");
        return week.Equals(current) ? new(week, SummaryWeekState.Current, null) : new(week, SummaryWeekState.Ended, null);
    }

    /// <summary>What the confirmation says before a preview of the current week is sent.</summary>
    public string PreviewWarning =>
        $"Week {Week} has not ended yet. This sends a preview of the summary so far; it will be sent again, complete, after the week ends ({Week.Next.Monday:dddd d MMMM}).";
}
