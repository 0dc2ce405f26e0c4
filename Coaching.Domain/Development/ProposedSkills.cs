using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;

namespace Coaching.Domain.Development;

/// <summary>The skills a new plan proposes: the gap between a role's required levels and what was last observed.</summary>
public static class ProposedSkills
{
    /// <summary>
    /// Every required skill observed below its required level, or never observed, with the required level as the
    /// target (<see cref="SkillGap.RequiredLevel"/>); skills already in the plan are left out. In the order of the
    /// largest gap first, then never observed, then by name.
    /// </summary>
    /// <param name="requirements">The requirements of the role the plan is measured against (<see cref="DevelopmentPlan.RequirementsRoleId"/>).</param>
    /// <param name="lastObserved">The person's last observed level per skill key (submitted observations only).</param>
    /// <param name="skillNames">The skill names by key (current rubric version); a key without a name is skipped (a skill removed from its rubric).</param>
    public static IReadOnlyList<SkillGap> From(IEnumerable<RoleRequirement> requirements, IReadOnlyDictionary<Guid, int> lastObserved,
        IReadOnlyDictionary<Guid, string> skillNames, IEnumerable<Guid>? alreadyInPlan = null)
    {
        var inPlan = (alreadyInPlan ?? []).ToHashSet();
        return requirements
            .Where(r => !inPlan.Contains(r.SkillKey) && skillNames.ContainsKey(r.SkillKey))
            .Select(r => SkillGap.For(r.SkillKey, skillNames[r.SkillKey], lastObserved.TryGetValue(r.SkillKey, out var level) ? level : null, r.RequiredLevel))
            .Where(g => g.IsBelowRequired || g.IsNeverRated)
            .OrderByDescending(g => g.Gap ?? -1).ThenBy(g => g.SkillName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }
}
