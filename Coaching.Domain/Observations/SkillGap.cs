namespace Coaching.Domain.Observations;

/// <summary>Where an employee stands in a skill against what their role requires.</summary>
public sealed record SkillGap(Guid SkillKey, string SkillName, int? CurrentLevel, int? RequiredLevel)
{
    /// <summary>Levels still to go; 0 when met or exceeded; null when the skill was never rated or nothing is required.</summary>
    public int? Gap => CurrentLevel is { } c && RequiredLevel is { } r ? Math.Max(0, r - c) : null;
    public bool IsBelowRequired => Gap > 0;
    public bool IsNeverRated => CurrentLevel is null;

    public static SkillGap For(Guid key, string name, int? latestLevel, int? required) => new(key, name, latestLevel, required);
}
