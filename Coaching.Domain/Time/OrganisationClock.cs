namespace Coaching.Domain.Time;

/// <summary>Converts between stored UTC instants and the organisation's local calendar.</summary>
public static class OrganisationClock
{
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A local time skipped by a DST jump is moved forward an hour rather than rejected.
        if (zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public static DateOnly Today(DateTime nowUtc, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(nowUtc, zone));

    /// <summary>The instant a local day begins (its local midnight), in UTC: the bound of every day, week, month and period range.</summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone) => ToUtc(day.ToDateTime(TimeOnly.MinValue), zone);

    /// <summary>Whole local calendar days between two instants, in the organisation's zone.</summary>
    public static int DaysBetween(DateTime earlierUtc, DateTime laterUtc, TimeZoneInfo zone) =>
        Today(laterUtc, zone).DayNumber - Today(earlierUtc, zone).DayNumber;
}
