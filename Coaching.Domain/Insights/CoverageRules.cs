namespace Coaching.Domain.Insights;

/// <summary>How coverage figures are worked out, so every page and export says the same.</summary>
public static class CoverageRules
{
    /// <summary>Share of active employees observed at least once; null for a team with nobody active.</summary>
    public static double? ObservedShare(int observed, int active) => active <= 0 ? null : Math.Min(1.0, (double)observed / active);

    /// <summary>The middle value (mean of the two middle ones for an even count); null when there are none.</summary>
    public static double? Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /// <summary>Observations in the period per manager of the team; null for a team without a manager.</summary>
    public static double? PerManager(int observations, int managers) => managers <= 0 ? null : (double)observations / managers;

    public const int HeatBands = 5;

    /// <summary>
    /// The heat-map band of a cell: 0 means nobody observed the skill (it must stand out), 1..5 grow with the
    /// count relative to the busiest cell, on a square-root scale so a few very busy teams do not wash out the rest.
    /// </summary>
    public static int HeatBand(int count, int max)
    {
        if (count <= 0) return 0;
        if (max <= 0 || count >= max) return HeatBands;
        return Math.Clamp((int)Math.Ceiling(Math.Sqrt((double)count / max) * HeatBands), 1, HeatBands);
    }
}
