using Coaching.Domain.Time;

namespace Coaching.Tests.Domain;

public class OrganisationClockTests
{
    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    static readonly TimeZoneInfo Sydney = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");

    [Fact]
    public void Whole_local_days_are_counted_in_the_organisations_zone_not_in_UTC()
    {
        // 13:30 UTC on Sunday is already Monday 00:30 in Sydney (AEDT, +11).
        var sundayEvening = new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);
        var laterThatEvening = new DateTime(2026, 11, 22, 13, 30, 0, DateTimeKind.Utc);
        Assert.Equal(1, OrganisationClock.DaysBetween(sundayEvening, laterThatEvening, Sydney));
        Assert.Equal(0, OrganisationClock.DaysBetween(sundayEvening, laterThatEvening, London));
        Assert.Equal(-1, OrganisationClock.DaysBetween(laterThatEvening, sundayEvening, Sydney));
        Assert.Equal(14, OrganisationClock.DaysBetween(sundayEvening, sundayEvening.AddDays(14), London));
    }

    [Fact]
    public void Today_is_the_organisations_calendar_day()
    {
        var utc = new DateTime(2026, 11, 22, 13, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateOnly(2026, 11, 23), OrganisationClock.Today(utc, Sydney));
        Assert.Equal(new DateOnly(2026, 11, 22), OrganisationClock.Today(utc, London));
    }

    [Fact]
    public void Local_times_become_UTC_and_back()
    {
        var local = new DateTime(2026, 7, 1, 9, 0, 0);
        var utc = OrganisationClock.ToUtc(local, London);
        Assert.Equal(new DateTime(2026, 7, 1, 8, 0, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(local, OrganisationClock.ToLocal(utc, London));
        // A UTC instant stored without its kind is still read as UTC.
        Assert.Equal(local, OrganisationClock.ToLocal(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), London));
    }

    [Fact]
    public void A_local_time_skipped_by_the_spring_clock_change_moves_forward_an_hour()
    {
        // 29 March 2026, 01:30 does not exist in London: clocks jump from 01:00 GMT to 02:00 BST.
        var skipped = new DateTime(2026, 3, 29, 1, 30, 0);
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), OrganisationClock.ToUtc(skipped, London));
        // A time given as UTC-kind is read as local all the same.
        Assert.Equal(new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc),
            OrganisationClock.ToUtc(new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc), London));
    }

    [Theory]
    [InlineData("2026-W53")]
    [InlineData("2020-W53")]
    [InlineData("2025-W52")]
    [InlineData("2026-W01")]
    [InlineData(" 2026-w47 ")]
    [InlineData("2000-W01")]
    [InlineData("2999-W01")]
    public void The_last_and_first_week_of_a_year_are_weeks_too(string text) => Assert.True(IsoWeek.TryParse(text, out _));

    [Theory]
    [InlineData("2026-W00")]
    [InlineData("1999-W52")]
    [InlineData("3000-W01")]
    [InlineData("+2026-W01")]
    [InlineData("2026-W-1")]
    [InlineData("2026-W47-W1")]
    [InlineData(null)]
    [InlineData("   ")]
    public void Weeks_outside_the_calendar_or_oddly_written_are_refused(string? text)
    {
        Assert.False(IsoWeek.TryParse(text, out var week));
        Assert.Equal(default, week);
    }

    [Fact]
    public void Parse_reads_a_week_and_says_what_a_week_looks_like_when_it_cannot()
    {
        Assert.Equal(new IsoWeek(2026, 53), IsoWeek.Parse("2026-W53"));
        var e = Assert.Throws<FormatException>(() => IsoWeek.Parse("week 47"));
        Assert.Equal("\"week 47\" is not an ISO week such as 2026-W47.", e.Message);
    }

    [Fact]
    public void Weeks_order_by_year_then_week_and_step_across_the_new_year()
    {
        Assert.True(new IsoWeek(2026, 53).CompareTo(new IsoWeek(2027, 1)) < 0);
        Assert.True(new IsoWeek(2027, 1).CompareTo(new IsoWeek(2026, 53)) > 0);
        Assert.True(new IsoWeek(2026, 2).CompareTo(new IsoWeek(2026, 10)) < 0);
        Assert.Equal(0, new IsoWeek(2026, 10).CompareTo(new IsoWeek(2026, 10)));
        Assert.Equal(new IsoWeek(2027, 1), new IsoWeek(2026, 53).Next);
        Assert.Equal("2026-W05", new IsoWeek(2026, 5).ToString());
    }

    [Fact]
    public void A_weeks_utc_range_ends_at_the_next_local_Monday_across_a_clock_change()
    {
        var london = London;
        // Week 13 of 2026 contains the spring change: it is an hour shorter.
        var (start, end) = new IsoWeek(2026, 13).UtcRange(london);
        Assert.Equal(new DateTime(2026, 3, 23, 0, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 3, 29, 23, 0, 0, DateTimeKind.Utc), end);
    }
}
