using Coaching.Domain.Insights;

namespace Coaching.Tests.Domain;

public class RollupRangesTests
{
    static DateOnly D(string s) => DateOnly.Parse(s);

    [Fact]
    public void A_year_ending_today_reads_its_months_less_the_days_still_to_come_and_the_few_days_of_its_first_month()
    {
        var reads = RollupRanges.Of(D("2025-11-26"), D("2026-11-25"));

        Assert.Equal([
            new RollupRead(RollupSpan.Month, D("2025-12-01"), D("2026-11-01"), +1),
            new RollupRead(RollupSpan.Day, D("2025-11-26"), D("2025-11-30"), +1),
            new RollupRead(RollupSpan.Day, D("2026-11-26"), D("2026-11-30"), -1),
        ], reads);
    }

    [Fact]
    public void A_period_of_whole_months_reads_no_days()
    {
        Assert.Equal([new RollupRead(RollupSpan.Month, D("2026-01-01"), D("2026-03-01"), +1)], RollupRanges.Of(D("2026-01-01"), D("2026-03-31")));
    }

    [Fact]
    public void A_few_days_inside_one_month_read_only_those_days()
    {
        Assert.Equal([new RollupRead(RollupSpan.Day, D("2026-02-10"), D("2026-02-20"), +1)], RollupRanges.Of(D("2026-02-10"), D("2026-02-20")));
    }

    [Fact]
    public void Every_day_of_a_period_counts_once_and_no_day_outside_it_counts()
    {
        for (var length = 1; length < 130; length += 3)
        for (var start = D("2024-01-15"); start < D("2024-04-15"); start = start.AddDays(4))
        {
            var to = start.AddDays(length - 1);
            var net = new Dictionary<DateOnly, int>();
            foreach (var read in RollupRanges.Of(start, to))
            {
                var days = read.Span == RollupSpan.Day
                    ? Enumerable.Range(0, read.To.DayNumber - read.From.DayNumber + 1).Select(read.From.AddDays)
                    : Enumerable.Range(0, 1000).Select(m => read.From.AddMonths(m)).TakeWhile(m => m <= read.To)
                        .SelectMany(m => Enumerable.Range(0, DateTime.DaysInMonth(m.Year, m.Month)).Select(m.AddDays));
                foreach (var day in days) net[day] = net.GetValueOrDefault(day) + read.Sign;
            }
            Assert.Equal(Enumerable.Range(0, length).Select(start.AddDays), net.Where(d => d.Value != 0).Select(d => d.Key).Order());
            Assert.All(net.Values, v => Assert.InRange(v, 0, 1));
            Assert.True(RollupRanges.Of(start, to).Count <= 4);
        }
    }
}
