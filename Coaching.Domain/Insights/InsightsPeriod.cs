using Coaching.Domain.Time;

namespace Coaching.Domain.Insights;

/// <summary>
/// The stretch of the organisation's calendar an insight covers: whole local days, both ends included.
/// Stored instants are UTC; the period turns into a half-open UTC range in the organisation's zone.
/// </summary>
public sealed record InsightsPeriod(DateOnly From, DateOnly To)
{
    public const string Last30 = "30", Last90 = "90", Last365 = "365", Custom = "custom";
    public static readonly string[] Choices = [Last30, Last90, Last365, Custom];
    /// <summary>Longest custom period: two years keeps every query on a bounded range.</summary>
    public const int MaxDays = 731;

    public int Days => To.DayNumber - From.DayNumber + 1;
    public DateTime StartUtc(TimeZoneInfo zone) => OrganisationClock.StartOfDayUtc(From, zone);
    /// <summary>Exclusive end: midnight after <see cref="To"/> in the organisation's zone.</summary>
    public DateTime EndUtc(TimeZoneInfo zone) => OrganisationClock.StartOfDayUtc(To.AddDays(1), zone);
    public override string ToString() => $"{From:d MMM yyyy} – {To:d MMM yyyy}";

    public static InsightsPeriod LastDays(int days, DateOnly today) => new(today.AddDays(1 - days), today);

    /// <summary>
    /// Reads the period a person chose. Problems are keyed by the field they belong to ("period", "from", "to")
    /// so the page can show each next to its input. <paramref name="earliest"/> is the first day the organisation has
    /// data for: a custom period starting before it (a year typed as 0002) would only ever show nothing.
    /// </summary>
    public static (InsightsPeriod? Period, IReadOnlyDictionary<string, string> Problems) Parse(string? choice, string? from, string? to, DateOnly today, DateOnly? earliest = null)
    {
        var problems = new Dictionary<string, string>();
        choice = string.IsNullOrWhiteSpace(choice) ? Last90 : choice.Trim().ToLowerInvariant();
        switch (choice)
        {
            case Last30: return (LastDays(30, today), problems);
            case Last90: return (LastDays(90, today), problems);
            case Last365: return (LastDays(365, today), problems);
            case Custom: break;
            default:
                problems["period"] = "Choose last 30, 90 or 365 days, or a custom period.";
                return (null, problems);
        }
        var start = ParseDate(from, "from", "start", problems);
        var end = ParseDate(to, "to", "end", problems);
        if (start > end) problems["from"] = "The start date is after the end date.";
        if (start is { } s && !problems.ContainsKey("from"))
        {
            if (s > today) problems["from"] = $"The start date is in the future; the latest is today ({today:d MMM yyyy}).";
            else if (earliest is { } first && s < first) problems["from"] = $"The organisation's data starts on {first:d MMM yyyy}; start on or after that day.";
        }
        if (end is { } e)
        {
            if (e > today) problems["to"] = $"The end date is in the future; the latest is today ({today:d MMM yyyy}).";
            else if (earliest is { } first && e < first) problems["to"] = $"The organisation's data starts on {first:d MMM yyyy}; end on or after that day.";
        }
        if (problems.Count == 0 && end!.Value.DayNumber - start!.Value.DayNumber + 1 > MaxDays)
            problems["from"] = $"A custom period is at most {MaxDays} days.";
        return problems.Count == 0 ? (new InsightsPeriod(start!.Value, end!.Value), problems) : (null, problems);
    }

    static DateOnly? ParseDate(string? text, string field, string what, Dictionary<string, string> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) { problems[field] = $"Enter the {what} date of the custom period."; return null; }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out var d)) return d;
        problems[field] = $"\"{text.Trim()}\" is not a date; use the format 2026-01-31.";
        return null;
    }
}
