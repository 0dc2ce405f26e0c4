namespace Coaching.Web.Features.Insights;

/// <summary>Settings of the insights pages (<c>Insights</c> section).</summary>
public sealed class InsightsOptions
{
    /// <summary>
    /// Teams per page of the coverage heat map and per-team table. An organisation of 3,000 teams made a 13 MB page of
    /// 24,000 cells; a page of 50 is one a tablet shows at once, and the CSV downloads still hold every team.
    /// </summary>
    public int TeamsPerPage { get; set; } = 50;

    /// <summary>
    /// Observers per page of rater calibration (flagged first). 3,300 observers made a 5 MB page; the CSVs hold everyone.
    /// </summary>
    public int ObserversPerPage { get; set; } = 50;
}
