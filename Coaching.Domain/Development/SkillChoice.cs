using Coaching.Domain.People;

namespace Coaching.Domain.Development;

/// <summary>A skill an employee chose to learn (from the ones HR allows). Dropping keeps the row, so choices keep their dates.</summary>
public class SkillChoice
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Guid SkillKey { get; set; }
    public DateTime ChosenAtUtc { get; set; }
    public DateTime? DroppedAtUtc { get; set; }

    public bool IsActive => DroppedAtUtc is null;

    public void Drop(DateTime nowUtc) => DroppedAtUtc ??= nowUtc;
}

/// <summary>
/// A skill HR allows employees to choose. Kept by the skill's stable key, not as a column on the skill row: a skill row
/// belongs to one rubric version, so a flag there would be lost (or need copying) with every new version, while the
/// key is the same in all of them.
/// </summary>
public class ChoosableSkill
{
    public Guid SkillKey { get; set; }
    public DateTime MarkedAtUtc { get; set; }
    public required string MarkedByUserId { get; set; }

    /// <summary>
    /// What HR's save changes: the skills to mark and to unmark. Only skills HR was shown can be unmarked, so a mark on a
    /// skill no published rubric has any more (not on the page) stays until HR can see it again.
    /// </summary>
    public static (IReadOnlyList<Guid> Marked, IReadOnlyList<Guid> Unmarked) Changes(IEnumerable<Guid> current, IEnumerable<Guid> wanted, IEnumerable<Guid> shown)
    {
        var now = current.ToHashSet();
        var on = shown.ToHashSet();
        var want = wanted.Where(on.Contains).ToHashSet();
        return (want.Where(k => !now.Contains(k)).ToList(), on.Where(k => now.Contains(k) && !want.Contains(k)).ToList());
    }
}

public sealed record SkillChoiceResult(SkillChoice? Choice, IReadOnlyList<FieldProblem> Problems);

/// <summary>What an employee may choose: only skills HR allows, no skill twice at a time, at most the organisation's limit.</summary>
public static class SkillChoiceRules
{
    public const string SkillField = "SkillKey";

    public static IReadOnlyList<FieldProblem> Check(Guid skillKey, string skillName, IEnumerable<Guid> choosable, IEnumerable<SkillChoice> existing, int limit)
    {
        var active = existing.Where(c => c.IsActive).ToList();
        if (!choosable.Contains(skillKey)) return [new(SkillField, $"{skillName} is not one of the skills you can choose.")];
        if (active.Any(c => c.SkillKey == skillKey)) return [new(SkillField, $"You already chose {skillName}.")];
        if (active.Count >= limit) return [new(SkillField, LimitReached(limit))];
        return [];
    }

    /// <summary>Said beside the field when the employee already has as many choices as the organisation allows.</summary>
    public static string LimitReached(int limit) =>
        $"You have chosen {limit} {(limit == 1 ? "skill" : "skills")}, the most your organisation allows: drop one first.";

    /// <summary>The employee chooses a skill; <paramref name="existing"/> are their choices so far (dropped ones included).</summary>
    public static SkillChoiceResult Choose(int employeeId, Guid skillKey, string skillName, IEnumerable<Guid> choosable,
        IEnumerable<SkillChoice> existing, int limit, DateTime nowUtc)
    {
        var problems = Check(skillKey, skillName, choosable, existing.Where(c => c.EmployeeId == employeeId), limit);
        return problems.Count > 0 ? new(null, problems) : new(new SkillChoice { EmployeeId = employeeId, SkillKey = skillKey, ChosenAtUtc = nowUtc }, []);
    }
}
