namespace Coaching.Domain.Development;

/// <summary>How many of a group of people had a development conversation within a window of days.</summary>
public sealed record ConversationRate(int People, int WithConversation, int WindowDays)
{
    public static readonly IReadOnlyList<int> Windows = [30, 90, 365];

    /// <summary>0..1; 0 for nobody.</summary>
    public double Share => People == 0 ? 0 : (double)WithConversation / People;
    public int Without => People - WithConversation;

    /// <summary>
    /// <paramref name="lastConversations"/>: each active employee's last conversation date (null: never).
    /// A conversation <paramref name="windowDays"/> days ago still counts; one a day older does not.
    /// </summary>
    public static ConversationRate For(IEnumerable<DateOnly?> lastConversations, DateOnly today, int windowDays)
    {
        var list = lastConversations.ToList();
        return new(list.Count, list.Count(d => IsWithin(d, today, windowDays)), windowDays);
    }

    /// <summary>Days from the last conversation to today; null when there was none.</summary>
    public static int? DaysSince(DateOnly? last, DateOnly today) => last is { } d ? today.DayNumber - d.DayNumber : null;

    public static bool IsWithin(DateOnly? last, DateOnly today, int windowDays) => DaysSince(last, today) is { } days && days <= windowDays;

    /// <summary>The organisation's target (every <paramref name="targetDays"/> days) is met for this person.</summary>
    public static bool MeetsTarget(DateOnly? last, DateOnly today, int targetDays) => IsWithin(last, today, targetDays);
}
