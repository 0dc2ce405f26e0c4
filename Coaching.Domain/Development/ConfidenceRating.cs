using Coaching.Domain.People;

namespace Coaching.Domain.Development;

/// <summary>
/// An employee's own confidence in a skill, 1 "not yet confident" to 5 "fully confident". Each rating adds a row
/// (confidence over time); the latest one is what counts now.
/// </summary>
public class ConfidenceRating
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Guid SkillKey { get; set; }
    public int Level { get; set; }
    public DateTime RatedAtUtc { get; set; }
}

/// <summary>Confidence is far from what was observed: a coaching prompt, not a judgement.</summary>
public enum ConfidenceMismatch { None = 0, ConfidentObservedLow = 1, ObservedHighNotConfident = 2 }

public static class ConfidenceRules
{
    public const int Lowest = 1;
    public const int Highest = 5;
    public const string LevelField = "Level";
    public const string SkillField = "SkillKey";

    public static string LevelLabel(int level) => level switch
    {
        1 => "not yet confident",
        2 => "a little confident",
        3 => "fairly confident",
        4 => "confident",
        5 => "fully confident",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Confidence is from 1 to 5."),
    };

    public static string? LevelProblem(int? level) =>
        level is null ? "Choose how confident you feel."
        : level is < Lowest or > Highest ? $"Confidence is from {Lowest} (not yet confident) to {Highest} (fully confident)."
        : null;

    /// <summary>The latest rating of each skill (ties on time: the later row).</summary>
    public static IReadOnlyDictionary<Guid, ConfidenceRating> Latest(IEnumerable<ConfidenceRating> ratings) =>
        ratings.GroupBy(r => r.SkillKey)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.RatedAtUtc).ThenBy(r => r.Id).Last());

    /// <summary>
    /// Confident (4–5) but observed below the expected level → confident, observed low; observed at or above the
    /// expected level but confidence 1–2 → observed high, not confident. <paramref name="expected"/> is the plan's
    /// target level or the role's required level. Nothing to compare (no rating, no observation, nothing expected) → none.
    /// </summary>
    public static ConfidenceMismatch Mismatch(int? confidence, int? observed, int? expected)
    {
        if (confidence is not { } c || observed is not { } o || expected is not { } e) return ConfidenceMismatch.None;
        if (c >= 4 && o < e) return ConfidenceMismatch.ConfidentObservedLow;
        if (c <= 2 && o >= e) return ConfidenceMismatch.ObservedHighNotConfident;
        return ConfidenceMismatch.None;
    }

    /// <summary>
    /// The employee rates their confidence in a skill. <paramref name="rateable"/> are the skills they may rate: those of
    /// their active plans and those they chose.
    /// </summary>
    public static (ConfidenceRating? Rating, IReadOnlyList<FieldProblem> Problems) Rate(int employeeId, Guid skillKey, int? level,
        IEnumerable<Guid> rateable, DateTime nowUtc)
    {
        if (!rateable.Contains(skillKey)) return (null, [new(SkillField, "Rate a skill of your plan or one you chose.")]);
        if (LevelProblem(level) is { } problem) return (null, [new(LevelField, problem)]);
        return (new ConfidenceRating { EmployeeId = employeeId, SkillKey = skillKey, Level = level!.Value, RatedAtUtc = nowUtc }, []);
    }

    public static string? Label(this ConfidenceMismatch mismatch) => mismatch switch
    {
        ConfidenceMismatch.ConfidentObservedLow => "confident, observed low",
        ConfidenceMismatch.ObservedHighNotConfident => "observed high, not confident",
        _ => null,
    };
}
