namespace Coaching.Domain.Insights;

/// <summary>How long a stretch of the calendar one <see cref="RatingRollup"/> row counts: one local day or one local month.</summary>
public enum RollupSpan { Day = 1, Month = 2 }

/// <summary>
/// How many submitted ratings the people of a team received in one skill during one local day (or month) of the
/// organisation's calendar. The coverage heat map is a sum of these rows instead of a count over every rating:
/// a year is twelve month rows per team and skill, plus day rows for the part-months at the period's ends.
/// A team's rows follow its people: they count each rating under the team the employee is in now, as coverage does.
/// </summary>
public class RatingRollup
{
    public int TeamId { get; set; }
    public Guid SkillKey { get; set; }
    public RollupSpan Span { get; set; }
    /// <summary>The local day, or the first day of the local month.</summary>
    public DateOnly Start { get; set; }
    public int Ratings { get; set; }
}

/// <summary>One range of rollup rows to add (<see cref="Sign"/> +1) or take away (-1); <see cref="From"/> and <see cref="To"/> are row starts, both included.</summary>
public sealed record RollupRead(RollupSpan Span, DateOnly From, DateOnly To, int Sign);

/// <summary>Which rollup rows add up to the ratings of a period of whole local days.</summary>
public static class RollupRanges
{
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>
    /// The reads whose signed sum counts exactly the days <paramref name="from"/>..<paramref name="to"/> (both included),
    /// with as few rows as it can: a month the period covers wholly is one row; a month it covers for more than half is
    /// the month's row less the days outside the period (for a period ending today those are days to come, with no rows);
    /// a month it covers for less than half is its days.
    /// </summary>
    public static IReadOnlyList<RollupRead> Of(DateOnly from, DateOnly to)
    {
        var reads = new List<RollupRead>();
        DateOnly? monthsFrom = null, monthsTo = null;
        for (var month = MonthOf(from); month <= to; month = month.AddMonths(1))
        {
            var last = month.AddMonths(1).AddDays(-1);
            var (inFrom, inTo) = (from > month ? from : month, to < last ? to : last);
            var inside = inTo.DayNumber - inFrom.DayNumber + 1;
            var length = last.DayNumber - month.DayNumber + 1;
            if (inside * 2 <= length && inside < length)
            {
                reads.Add(new(RollupSpan.Day, inFrom, inTo, +1));
                continue;
            }
            monthsFrom ??= month;
            monthsTo = month;
            if (inFrom > month) reads.Add(new(RollupSpan.Day, month, inFrom.AddDays(-1), -1));
            if (inTo < last) reads.Add(new(RollupSpan.Day, inTo.AddDays(1), last, -1));
        }
        if (monthsFrom is { } first && monthsTo is { } end) reads.Insert(0, new(RollupSpan.Month, first, end, +1));
        return reads;
    }
}
