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

/// <summary>The stretches of a period that rollup rows answer exactly: whole months inside it, single days at its ends.</summary>
public sealed record RollupRanges(DateOnly? FirstMonth, DateOnly? EndMonth, IReadOnlyList<(DateOnly From, DateOnly To)> Days)
{
    /// <summary>The rows of this rollup's span that count a rating observed on the local day <paramref name="day"/>.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>
    /// Splits the whole local days <paramref name="from"/>..<paramref name="to"/> (both included) into whole months
    /// [<see cref="FirstMonth"/>, <see cref="EndMonth"/>) and day ranges (both ends included) for what is left over.
    /// </summary>
    public static RollupRanges Of(DateOnly from, DateOnly to)
    {
        var firstMonth = from.Day == 1 ? from : MonthOf(from).AddMonths(1);
        var endMonth = MonthOf(to.AddDays(1)); // the month after the last whole one
        if (firstMonth >= endMonth) return new(null, null, [(from, to)]);
        var days = new List<(DateOnly, DateOnly)>();
        if (from < firstMonth) days.Add((from, firstMonth.AddDays(-1)));
        if (endMonth <= to) days.Add((endMonth, to));
        return new(firstMonth, endMonth, days);
    }
}
