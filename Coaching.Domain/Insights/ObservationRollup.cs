namespace Coaching.Domain.Insights;

/// <summary>
/// The submitted observations of one employee in one local month of the organisation's calendar: how many, and when the
/// latest was. Coverage's per-team figures (observed in the period, days since the last observation, never observed)
/// read these rows for the months a period covers wholly, and the observations themselves only for its part-months.
/// </summary>
public class ObservationRollup
{
    public int EmployeeId { get; set; }
    /// <summary>The first day of the local month.</summary>
    public DateOnly Month { get; set; }
    public int Observations { get; set; }
    public DateTime LastObservedAtUtc { get; set; }
}

/// <summary>
/// How coverage reads a period of whole local days (<see cref="From"/>..<see cref="To"/>, both included) per employee.
/// Rollup rows of the months before the last month: their counts where the month lies wholly inside the period (after
/// the first month), their latest for everyone. Then the observations themselves: the first month's days from the
/// period's start (when the period runs into a later month), and the last month's days up to the period's end.
/// </summary>
public sealed record ObservedReads(DateOnly From, DateOnly To)
{
    public DateOnly FirstMonth => RollupRanges.MonthOf(From);
    public DateOnly LastMonth => RollupRanges.MonthOf(To);
    /// <summary>Whether the period starts in an earlier month than it ends: the first month's days are read on their own.</summary>
    public bool SpansMonths => FirstMonth < LastMonth;
    public DateOnly FirstMonthEnd => FirstMonth.AddMonths(1).AddDays(-1);
}
