using Coaching.Domain.Time;

namespace Coaching.Tests.Domain;

public class IsoWeekTests
{
    [Theory]
    [InlineData("2026-11-23", "2026-W48")]
    [InlineData("2026-11-22", "2026-W47")]
    [InlineData("2027-01-01", "2026-W53")]
    [InlineData("2024-12-30", "2025-W01")]
    public void A_date_belongs_to_its_ISO_week(string date, string week) =>
        Assert.Equal(week, IsoWeek.Of(DateOnly.Parse(date)).ToString());

    [Fact]
    public void A_week_runs_Monday_to_Sunday_in_the_organisations_zone()
    {
        var week = IsoWeek.Parse("2026-W47");
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var sydney = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");

        Assert.Equal(new DateOnly(2026, 11, 16), week.Monday);
        Assert.Equal(new DateOnly(2026, 11, 22), week.Sunday);
        Assert.Equal(new DateTime(2026, 11, 16, 0, 0, 0, DateTimeKind.Utc), week.UtcRange(london).StartUtc);
        Assert.Equal(new DateTime(2026, 11, 15, 13, 0, 0, DateTimeKind.Utc), week.UtcRange(sydney).StartUtc);
    }

    [Theory]
    [InlineData("2026-W54")]
    [InlineData("2026-47")]
    [InlineData("")]
    [InlineData("W47-2026")]
    [InlineData("2025-W53")]
    public void Nonsense_weeks_are_refused(string text) => Assert.False(IsoWeek.TryParse(text, out _));

    [Fact]
    public void Previous_crosses_the_year() => Assert.Equal("2026-W53", IsoWeek.Parse("2027-W01").Previous.ToString());
}
