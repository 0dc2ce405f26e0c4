namespace Coaching.Domain.Rubrics;

/// <summary>A rubric family ("Barista", "Contact centre agent"); its content lives in versions.</summary>
public class Rubric
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>The published version new observations use; null until the first publish.</summary>
    public int? CurrentVersionId { get; set; }
    public RubricVersion? CurrentVersion { get; set; }
    public List<RubricVersion> Versions { get; set; } = [];
}

public enum RubricVersionStatus { Draft = 0, Published = 1, Superseded = 2 }

/// <summary>
/// One version of a rubric. A published version never changes: observations keep pointing at it,
/// and editing starts a new draft (see <see cref="RubricEditing.StartDraft"/>). A draft edits itself
/// (<see cref="Apply"/>, in RubricVersion.Editing.cs) and answers with the problems that stopped an edit.
/// </summary>
public partial class RubricVersion
{
    public int Id { get; set; }
    public int RubricId { get; set; }
    public Rubric? Rubric { get; set; }
    public int Number { get; set; }
    public RubricVersionStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
    public List<RubricLevel> Levels { get; set; } = [];
    public List<SkillCategory> Categories { get; set; } = [];
    public List<Skill> Skills { get; set; } = [];

    public bool IsEditable => Status == RubricVersionStatus.Draft;

    public IEnumerable<RubricLevel> LevelsInOrder() => Levels.OrderBy(l => l.Value);
    public int MinLevel => Levels.Count == 0 ? 1 : Levels.Min(l => l.Value);
    public int MaxLevel => Levels.Count == 0 ? 0 : Levels.Max(l => l.Value);
    public string LevelName(int value) => Levels.FirstOrDefault(l => l.Value == value)?.Name ?? value.ToString();
}

/// <summary>A point on the rubric's proficiency scale, e.g. 3 "Proficient".</summary>
public class RubricLevel
{
    public int Id { get; set; }
    public int RubricVersionId { get; set; }
    public int Value { get; set; }
    public required string Name { get; set; }
}

public class SkillCategory
{
    public int Id { get; set; }
    public int RubricVersionId { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
}

/// <summary>
/// A skill within one rubric version. <see cref="Key"/> stays the same across versions, so
/// requirements, trends and coverage follow the skill rather than the version row.
/// </summary>
public class Skill
{
    public int Id { get; set; }
    public int RubricVersionId { get; set; }
    public int? CategoryId { get; set; }
    public SkillCategory? Category { get; set; }
    public Guid Key { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
    public List<LevelDescriptor> Descriptors { get; set; } = [];

    public string? DescriptorFor(int level) => Descriptors.FirstOrDefault(d => d.Level == level)?.Text;
}

/// <summary>The observable behaviour that shows a skill at one level.</summary>
public class LevelDescriptor
{
    public int Id { get; set; }
    public int SkillId { get; set; }
    public int Level { get; set; }
    public required string Text { get; set; }
}
