namespace Coaching.Web.Infrastructure;

/// <summary>The organisation's name and the time zone its weeks and schedules follow.</summary>
public sealed class OrganisationOptions
{
    public string Name { get; set; } = "Coaching";
    public string TimeZone { get; set; } = "Europe/London";

    private TimeZoneInfo? zone;
    public TimeZoneInfo Zone => zone ??= TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
