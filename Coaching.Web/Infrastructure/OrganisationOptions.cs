namespace Coaching.Web.Infrastructure;

/// <summary>The organisation's name and the time zone its weeks and schedules follow.</summary>
public sealed class OrganisationOptions
{
    public string Name { get; set; } = "Coaching";
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>How people here write dates and numbers (the people import reads non-ISO dates in this culture's order).</summary>
    public string Culture { get; set; } = "en-GB";

    public System.Globalization.CultureInfo CultureInfo => System.Globalization.CultureInfo.GetCultureInfo(Culture);

    private TimeZoneInfo? zone;
    public TimeZoneInfo Zone => zone ??= TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
