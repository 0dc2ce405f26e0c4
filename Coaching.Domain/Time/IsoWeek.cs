using System.Globalization;

namespace Coaching.Domain.Time;

/// <summary>An ISO-8601 week ("2026-W47"), Monday to Sunday, in the organisation's time zone.</summary>
public readonly record struct IsoWeek(int Year, int Week) : IComparable<IsoWeek>
{
    public static IsoWeek Of(DateOnly date) => new(ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)));

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));
    public DateOnly Sunday => Monday.AddDays(6);
    public IsoWeek Previous => Of(Monday.AddDays(-7));
    public IsoWeek Next => Of(Monday.AddDays(7));

    /// <summary>The UTC instants [start, end) this week covers in <paramref name="zone"/>.</summary>
    public (DateTime StartUtc, DateTime EndUtc) UtcRange(TimeZoneInfo zone) =>
        (OrganisationClock.StartOfDayUtc(Monday, zone),
         OrganisationClock.StartOfDayUtc(Monday.AddDays(7), zone));

    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().ToUpperInvariant().Split("-W");
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var w)) return false;
        if (y is < 2000 or > 2999 || w < 1 || w > ISOWeek.GetWeeksInYear(y)) return false;
        week = new IsoWeek(y, w);
        return true;
    }

    public static IsoWeek Parse(string text) =>
        TryParse(text, out var w) ? w : throw new FormatException($"\"{text}\" is not an ISO week such as 2026-W47.");

    public int CompareTo(IsoWeek other) => (Year, Week).CompareTo((other.Year, other.Week));
    public override string ToString() => $"{Year:D4}-W{Week:D2}";
}
