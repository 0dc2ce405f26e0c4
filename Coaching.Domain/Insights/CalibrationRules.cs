namespace Coaching.Domain.Insights;

/// <summary>How many ratings one observer gave at one level of one skill in the period.</summary>
public sealed record LevelCount(string ObserverId, Guid SkillKey, int Level, int Count);

/// <summary>One observer's ratings of one skill against everyone's ratings of it in the same period.</summary>
public sealed record SkillCalibration(Guid SkillKey, int Ratings, double Mean, double EveryoneMean, bool Flagged)
{
    public double Difference => Mean - EveryoneMean;
}

public sealed record ObserverCalibration(string ObserverId, int Ratings, double Mean, IReadOnlyList<SkillCalibration> Skills, IReadOnlyDictionary<int, int> Distribution)
{
    public bool Flagged => Skills.Any(s => s.Flagged);
    /// <summary>Positive: rates higher than colleagues (lenient); negative: stricter. Largest flagged difference, else largest.</summary>
    public double? WidestDifference => Skills.Count == 0 ? null : Skills.OrderByDescending(s => s.Flagged).ThenByDescending(s => Math.Abs(s.Difference)).First().Difference;
}

/// <summary>
/// Rater calibration: an observer is flagged for a skill when they rated it at least <see cref="MinimumRatings"/> times
/// in the period and their mean level differs from all observers' mean for that skill by <see cref="FlagDifference"/> or more.
/// </summary>
public static class CalibrationRules
{
    public const double FlagDifference = 0.75;
    public const int MinimumRatings = 10;
    // Means are ratios of integers; a tiny tolerance keeps an exact 0.75 difference flagged despite binary fractions.
    const double Tolerance = 1e-9;

    public static bool IsFlagged(double observerMean, int observerRatings, double everyoneMean) =>
        observerRatings >= MinimumRatings && Math.Abs(observerMean - everyoneMean) >= FlagDifference - Tolerance;

    public static IReadOnlyList<ObserverCalibration> Calibrate(IEnumerable<LevelCount> counts)
    {
        var rows = counts.Where(c => c.Count > 0).ToList();
        var everyone = rows.GroupBy(c => c.SkillKey)
            .ToDictionary(g => g.Key, g => (double)g.Sum(c => (long)c.Level * c.Count) / g.Sum(c => c.Count));
        return rows.GroupBy(c => c.ObserverId)
            .Select(o =>
            {
                var skills = o.GroupBy(c => c.SkillKey).Select(s =>
                {
                    var n = s.Sum(c => c.Count);
                    var mean = (double)s.Sum(c => (long)c.Level * c.Count) / n;
                    return new SkillCalibration(s.Key, n, mean, everyone[s.Key], IsFlagged(mean, n, everyone[s.Key]));
                }).ToList();
                var total = o.Sum(c => c.Count);
                var overall = (double)o.Sum(c => (long)c.Level * c.Count) / total;
                var distribution = o.GroupBy(c => c.Level).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
                return new ObserverCalibration(o.Key, total, overall, skills, distribution);
            })
            .OrderByDescending(o => o.Flagged).ThenByDescending(o => o.Ratings)
            .ToList();
    }
}
