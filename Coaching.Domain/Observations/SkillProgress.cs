namespace Coaching.Domain.Observations;

/// <summary>One submitted rating as the history of a skill sees it.</summary>
public sealed record RatedLevel(Guid SkillKey, int Level, DateTime ObservedAtUtc);

/// <summary>An employee's levels in one skill over time: the latest one counts for gaps, the rest make the trend.</summary>
public sealed record SkillProgress(Guid SkillKey, IReadOnlyList<RatedLevel> History)
{
    public int? Latest => History.Count == 0 ? null : History[^1].Level;
    public int? Previous => History.Count < 2 ? null : History[^2].Level;
    /// <summary>Change from the previous rating: positive is growth.</summary>
    public int? Change => Latest - Previous;

    /// <summary>Each skill's ratings in time order; ratings at the same instant keep their given order.</summary>
    public static IReadOnlyDictionary<Guid, SkillProgress> From(IEnumerable<RatedLevel> ratings) =>
        ratings.GroupBy(r => r.SkillKey)
            .ToDictionary(g => g.Key, g => new SkillProgress(g.Key, g.OrderBy(r => r.ObservedAtUtc).ToList()));
}
