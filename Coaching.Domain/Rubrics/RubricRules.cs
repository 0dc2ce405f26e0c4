namespace Coaching.Domain.Rubrics;

/// <summary>Limits every rubric obeys, checked by the editor and again on publish.</summary>
public static class RubricRules
{
    public const int MinLevels = 2;
    public const int MaxLevels = 7;
    public const int MaxSkillNameLength = 80;
    public const int MaxCategoryNameLength = 60;
    public const int MaxLevelNameLength = 40;
    public const int MaxDescriptorLength = 600;

    public static readonly IReadOnlyList<string> DefaultLevelNames = ["Beginning", "Developing", "Proficient", "Expert"];

    /// <summary>Problems that stop a version being published, each tied to the field it concerns.</summary>
    public static IReadOnlyList<RubricProblem> Check(RubricVersion version)
    {
        var problems = new List<RubricProblem>();
        if (version.Levels.Count is < MinLevels or > MaxLevels)
            problems.Add(new(RubricField.Levels, $"A rubric has between {MinLevels} and {MaxLevels} levels."));
        foreach (var level in version.Levels)
        {
            if (string.IsNullOrWhiteSpace(level.Name)) problems.Add(new(RubricField.Level(level.Value), $"Level {level.Value} needs a name."));
            else if (level.Name.Length > MaxLevelNameLength) problems.Add(new(RubricField.Level(level.Value), $"Level names are at most {MaxLevelNameLength} characters."));
        }
        foreach (var group in version.Levels.Where(l => !string.IsNullOrWhiteSpace(l.Name))
                     .GroupBy(l => l.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add(new(RubricField.Level(group.Max(l => l.Value)), $"Two levels are called \"{group.Key}\"; level names are unique within a rubric."));
        foreach (var group in version.Categories.Where(c => !string.IsNullOrWhiteSpace(c.Name))
                     .GroupBy(c => c.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add(new(RubricField.Category(group.OrderBy(c => c.Order).Last().Id), $"Two categories are called \"{group.Key}\"; category names are unique within a rubric."));
        if (version.Skills.Count == 0) problems.Add(new(RubricField.Skills, "Add at least one skill."));
        foreach (var group in version.Skills.GroupBy(s => s.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add(new(RubricField.Skill(group.Last().Id), $"Two skills are called \"{group.Key}\"; skill names are unique within a rubric."));
        foreach (var skill in version.Skills)
        {
            var nameProblem = SkillNameProblem(skill.Name);
            if (nameProblem is not null) problems.Add(new(RubricField.Skill(skill.Id), nameProblem));
            // A published skill without a descriptor shows managers "Proficient:" and nothing to observe against.
            foreach (var level in version.LevelsInOrder().Where(l => string.IsNullOrWhiteSpace(skill.DescriptorFor(l.Value))))
                problems.Add(new(DescriptorField(skill, level.Value), $"\"{skill.Name}\" has no descriptor for level {level.Value} {level.Name}."));
            foreach (var d in skill.Descriptors.Where(d => d.Text.Length > MaxDescriptorLength))
                problems.Add(new(RubricField.Skill(skill.Id), $"The descriptor for level {d.Level} of \"{skill.Name}\" is over {MaxDescriptorLength} characters."));
        }
        return problems;
    }

    /// <summary>The field a missing or too long descriptor belongs to, so the editor can show it beside that text.</summary>
    public static string DescriptorField(Skill skill, int level) => RubricField.Descriptor(skill.Id, level);

    /// <summary>What is wrong with naming level <paramref name="value"/> <paramref name="name"/>; null when it may.</summary>
    public static string? LevelNameProblem(RubricVersion version, int value, string? name) =>
        string.IsNullOrWhiteSpace(name) ? "A level needs a name."
        : name.Trim().Length > MaxLevelNameLength ? $"Level names are at most {MaxLevelNameLength} characters."
        : version.Levels.Any(l => l.Value != value && string.Equals(l.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)) ? "Two levels cannot share a name."
        : null;

    /// <summary>What is wrong with this category name; <paramref name="exceptCategoryId"/> is the category being renamed.</summary>
    public static string? CategoryNameProblem(RubricVersion version, string? name, int? exceptCategoryId = null) =>
        string.IsNullOrWhiteSpace(name) ? "A category needs a name."
        : name.Trim().Length > MaxCategoryNameLength ? $"Category names are at most {MaxCategoryNameLength} characters."
        : version.Categories.Any(c => c.Id != exceptCategoryId && string.Equals(c.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)) ? "There is already a category with this name."
        : null;

    /// <summary>What is wrong with this skill name, including another skill of the version already having it.</summary>
    public static string? SkillNameProblem(RubricVersion version, string? name, int? exceptSkillId = null) =>
        SkillNameProblem(name) ?? (IsSkillNameTaken(version, name!, exceptSkillId) ? $"This rubric already has a skill called \"{name!.Trim()}\"." : null);

    public static string? SkillNameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "A skill needs a name."
        : name.Trim().Length > MaxSkillNameLength ? $"Skill names are at most {MaxSkillNameLength} characters."
        : null;

    public static string? DescriptorProblem(string? text) =>
        text is not null && text.Length > MaxDescriptorLength ? $"Descriptors are at most {MaxDescriptorLength} characters." : null;

    public static bool IsSkillNameTaken(RubricVersion version, string name, int? exceptSkillId = null) =>
        version.Skills.Any(s => s.Id != exceptSkillId && string.Equals(s.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
}

