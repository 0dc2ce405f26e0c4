using Coaching.Domain.Observations;

namespace Coaching.Domain.Insights;

public enum GapStatus { NeverRated, BelowRequired, MeetsRequired }

/// <summary>Where an employee stands against a role requirement, judged by their latest rating in the skill.</summary>
public static class GapRules
{
    public static GapStatus Classify(int? latestLevel, int requiredLevel)
    {
        var gap = new SkillGap(Guid.Empty, "", latestLevel, requiredLevel);
        return gap.IsNeverRated ? GapStatus.NeverRated : gap.IsBelowRequired ? GapStatus.BelowRequired : GapStatus.MeetsRequired;
    }

    public static string Describe(GapStatus status) => status switch
    {
        GapStatus.NeverRated => "never rated",
        GapStatus.BelowRequired => "below required",
        _ => "meets required",
    };
}
