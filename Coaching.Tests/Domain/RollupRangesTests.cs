using Coaching.Domain.Insights;

namespace Coaching.Tests.Domain;

public class RollupRangesTests
{
    static DateOnly D(string s) => DateOnly.Parse(s);

    [Fact]
    public void A_year_ending_mid_month_reads_eleven_whole_months_and_the_days_at_either_end()
    {
        var ranges = RollupRanges.Of(D("2025-11-26"), D("2026-11-25"));

        Assert.Equal(D("2025-12-01"), ranges.FirstMonth);
        Assert.Equal(D("2026-11-01"), ranges.EndMonth);
        Assert.Equal([(D("2025-11-26"), D("2025-11-30")), (D("2026-11-01"), D("2026-11-25"))], ranges.Days);
    }

    [Fact]
    public void A_period_of_whole_months_reads_no_days()
    {
        var ranges = RollupRanges.Of(D("2026-01-01"), D("2026-03-31"));

        Assert.Equal(D("2026-01-01"), ranges.FirstMonth);
        Assert.Equal(D("2026-04-01"), ranges.EndMonth);
        Assert.Empty(ranges.Days);
    }

    [Theory]
    [InlineData("2026-02-10", "2026-02-20")]  // inside one month
    [InlineData("2026-01-20", "2026-02-10")]  // across a month's end, no whole month
    [InlineData("2026-02-01", "2026-02-27")]  // a month but its last day
    [InlineData("2026-02-02", "2026-02-28")]  // a month but its first day
    public void A_period_without_a_whole_month_reads_only_days(string from, string to)
    {
        var ranges = RollupRanges.Of(D(from), D(to));

        Assert.Null(ranges.FirstMonth);
        Assert.Equal([(D(from), D(to))], ranges.Days);
    }

    [Fact]
    public void Every_day_of_a_period_is_read_exactly_once()
    {
        for (var length = 1; length < 120; length += 7)
        for (var start = D("2024-01-15"); start < D("2024-04-15"); start = start.AddDays(5))
        {
            var to = start.AddDays(length - 1);
            var ranges = RollupRanges.Of(start, to);
            var days = ranges.Days.SelectMany(r => Enumerable.Range(0, r.To.DayNumber - r.From.DayNumber + 1).Select(r.From.AddDays)).ToList();
            if (ranges.FirstMonth is { } m)
                for (var month = m; month < ranges.EndMonth; month = month.AddMonths(1))
                    days.AddRange(Enumerable.Range(0, DateTime.DaysInMonth(month.Year, month.Month)).Select(month.AddDays));
            Assert.Equal(Enumerable.Range(0, length).Select(start.AddDays), days.Order());
        }
    }
}
