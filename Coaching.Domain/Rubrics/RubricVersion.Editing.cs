namespace Coaching.Domain.Rubrics;

/// <summary>
/// One small change to a draft, as the editor sends it: each is applied on its own and saved at once, so an edit
/// names the item it changes by id (skills, categories) or by value (levels).
/// </summary>
public abstract record RubricEdit
{
    public sealed record RenameLevel(int Value, string? Name) : RubricEdit;
    public sealed record AddLevel : RubricEdit;
    /// <summary>Removes the highest level; its descriptors go with it.</summary>
    public sealed record RemoveTopLevel : RubricEdit;
    public sealed record AddCategory(string? Name) : RubricEdit;
    public sealed record RenameCategory(int CategoryId, string? Name) : RubricEdit;
    /// <summary>Moves one place up (<paramref name="By"/> below 0) or down (above 0); the ends stay put.</summary>
    public sealed record MoveCategory(int CategoryId, int By) : RubricEdit;
    /// <summary>Removes the category; its skills stay, without a category.</summary>
    public sealed record RemoveCategory(int CategoryId) : RubricEdit;
    /// <summary>A new skill at the end, filed under <paramref name="CategoryId"/> when that is one of the draft's categories.</summary>
    public sealed record AddSkill(string? Name, int? CategoryId) : RubricEdit;
    public sealed record RenameSkill(int SkillId, string? Name) : RubricEdit;
    /// <summary>Files the skill under a category of the draft; anything else (none, unknown) leaves it without one.</summary>
    public sealed record FileSkill(int SkillId, int? CategoryId) : RubricEdit;
    public sealed record MoveSkill(int SkillId, int By) : RubricEdit;
    public sealed record RemoveSkill(int SkillId) : RubricEdit;
    /// <summary>Sets what a skill looks like at a level; blank text removes the descriptor.</summary>
    public sealed record SetDescriptor(int SkillId, int Level, string? Text) : RubricEdit;
}

public partial class RubricVersion
{
    /// <summary>
    /// Applies <paramref name="edit"/> if the rules allow it. Answers the problems that stopped it (nothing changed),
    /// or none. Removing or moving something that is already gone is not a problem: a double click must not shout.
    /// </summary>
    public IReadOnlyList<RubricProblem> Apply(RubricEdit edit)
    {
        if (!IsEditable) return [new(RubricField.Version, "This version is published and never changes. Start a new draft with Edit.")];
        return edit switch
        {
            RubricEdit.RenameLevel e => RenameLevel(e),
            RubricEdit.AddLevel => AddLevel(),
            RubricEdit.RemoveTopLevel => RemoveTopLevel(),
            RubricEdit.AddCategory e => AddCategory(e),
            RubricEdit.RenameCategory e => RenameCategory(e),
            RubricEdit.MoveCategory e => Done(() => Move(Categories.OrderBy(c => c.Order).ToList(), c => c.Id == e.CategoryId, e.By, (c, i) => c.Order = i)),
            RubricEdit.RemoveCategory e => Done(() => RemoveCategory(e.CategoryId)),
            RubricEdit.AddSkill e => AddSkill(e),
            RubricEdit.RenameSkill e => RenameSkill(e),
            RubricEdit.FileSkill e => FileSkill(e),
            RubricEdit.MoveSkill e => Done(() => Move(Skills.OrderBy(s => s.Order).ToList(), s => s.Id == e.SkillId, e.By, (s, i) => s.Order = i)),
            RubricEdit.RemoveSkill e => Done(() => Skills.RemoveAll(s => s.Id == e.SkillId)),
            RubricEdit.SetDescriptor e => SetDescriptor(e),
            _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, "An edit this version does not know."),
        };
    }

    static IReadOnlyList<RubricProblem> Done(Action change) { change(); return []; }
    static IReadOnlyList<RubricProblem> Refused(string field, string message) => [new(field, message)];

    IReadOnlyList<RubricProblem> RenameLevel(RubricEdit.RenameLevel e)
    {
        var level = Levels.FirstOrDefault(l => l.Value == e.Value);
        if (level is null) return Refused(RubricField.Version, "That level is not in this draft.");
        if (RubricRules.LevelNameProblem(this, e.Value, e.Name) is { } problem) return Refused(RubricField.Level(e.Value), problem);
        level.Name = e.Name!.Trim();
        return [];
    }

    IReadOnlyList<RubricProblem> AddLevel()
    {
        if (Levels.Count >= RubricRules.MaxLevels) return Refused(RubricField.Levels, $"A rubric has at most {RubricRules.MaxLevels} levels.");
        var next = MaxLevel + 1;
        // The default name could already be taken (a level renamed "Level 5"); a level name is unique, so count on.
        // One more candidate than there are levels: at least one of them is free.
        var name = Enumerable.Range(next, Levels.Count + 1).Select(n => $"Level {n}")
            .First(n => !Levels.Any(l => string.Equals(l.Name.Trim(), n, StringComparison.OrdinalIgnoreCase)));
        Levels.Add(new RubricLevel { Value = next, Name = name });
        return [];
    }

    /// <summary>The top level goes, and with it every skill's descriptor for it, so no text is left for a level that is gone.</summary>
    IReadOnlyList<RubricProblem> RemoveTopLevel()
    {
        if (Levels.Count <= RubricRules.MinLevels) return Refused(RubricField.Levels, $"A rubric has at least {RubricRules.MinLevels} levels.");
        var top = MaxLevel;
        Levels.RemoveAll(l => l.Value == top);
        foreach (var skill in Skills) skill.Descriptors.RemoveAll(d => d.Level == top);
        return [];
    }

    IReadOnlyList<RubricProblem> AddCategory(RubricEdit.AddCategory e)
    {
        if (RubricRules.CategoryNameProblem(this, e.Name) is { } problem) return Refused(RubricField.NewCategory, problem);
        Categories.Add(new SkillCategory { Name = e.Name!.Trim(), Order = Categories.Count == 0 ? 0 : Categories.Max(c => c.Order) + 1 });
        return [];
    }

    IReadOnlyList<RubricProblem> RenameCategory(RubricEdit.RenameCategory e)
    {
        var category = Categories.FirstOrDefault(c => c.Id == e.CategoryId);
        if (category is null) return Refused(RubricField.Version, "That category is not in this draft.");
        if (RubricRules.CategoryNameProblem(this, e.Name, category.Id) is { } problem) return Refused(RubricField.Category(category.Id), problem);
        category.Name = e.Name!.Trim();
        return [];
    }

    void RemoveCategory(int categoryId)
    {
        var category = Categories.FirstOrDefault(c => c.Id == categoryId);
        if (category is null) return;
        foreach (var skill in Skills.Where(s => s.CategoryId == categoryId || s.Category == category)) { skill.CategoryId = null; skill.Category = null; }
        Categories.Remove(category);
    }

    IReadOnlyList<RubricProblem> AddSkill(RubricEdit.AddSkill e)
    {
        if (RubricRules.SkillNameProblem(this, e.Name) is { } problem) return Refused(RubricField.NewSkill, problem);
        Skills.Add(new Skill
        {
            Key = Guid.NewGuid(), Name = e.Name!.Trim(), Order = Skills.Count == 0 ? 0 : Skills.Max(s => s.Order) + 1,
            CategoryId = CategoryOrNone(e.CategoryId),
        });
        return [];
    }

    IReadOnlyList<RubricProblem> RenameSkill(RubricEdit.RenameSkill e)
    {
        var skill = Skills.FirstOrDefault(s => s.Id == e.SkillId);
        if (skill is null) return Refused(RubricField.Version, "That skill is not in this draft.");
        if (RubricRules.SkillNameProblem(this, e.Name, skill.Id) is { } problem) return Refused(RubricField.Skill(skill.Id), problem);
        skill.Name = e.Name!.Trim();
        return [];
    }

    IReadOnlyList<RubricProblem> FileSkill(RubricEdit.FileSkill e)
    {
        var skill = Skills.FirstOrDefault(s => s.Id == e.SkillId);
        if (skill is null) return Refused(RubricField.Version, "That skill is not in this draft.");
        skill.CategoryId = CategoryOrNone(e.CategoryId);
        skill.Category = Categories.FirstOrDefault(c => c.Id == skill.CategoryId);
        return [];
    }

    IReadOnlyList<RubricProblem> SetDescriptor(RubricEdit.SetDescriptor e)
    {
        var skill = Skills.FirstOrDefault(s => s.Id == e.SkillId);
        if (skill is null || Levels.All(l => l.Value != e.Level)) return Refused(RubricField.Version, "That descriptor is not in this draft.");
        if (RubricRules.DescriptorProblem(e.Text) is { } problem) return Refused(RubricField.Descriptor(skill.Id, e.Level), problem);
        var existing = skill.Descriptors.FirstOrDefault(d => d.Level == e.Level);
        if (string.IsNullOrWhiteSpace(e.Text)) { if (existing is not null) skill.Descriptors.Remove(existing); }
        else if (existing is null) skill.Descriptors.Add(new LevelDescriptor { Level = e.Level, Text = e.Text.Trim() });
        else existing.Text = e.Text.Trim();
        return [];
    }

    /// <summary>Only one of this draft's own categories; an id from another rubric or version files nothing.</summary>
    int? CategoryOrNone(int? categoryId) => Categories.Any(c => c.Id == categoryId) ? categoryId : null;

    static void Move<T>(List<T> ordered, Func<T, bool> which, int by, Action<T, int> setOrder)
    {
        var index = ordered.FindIndex(x => which(x));
        if (index < 0) return;
        var target = Math.Clamp(index + Math.Sign(by), 0, ordered.Count - 1);
        var item = ordered[index];
        ordered.RemoveAt(index);
        ordered.Insert(target, item);
        for (var i = 0; i < ordered.Count; i++) setOrder(ordered[i], i);
    }
}
