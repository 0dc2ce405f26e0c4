namespace Coaching.Domain.Rubrics;

/// <summary>
/// The names of the fields a <see cref="RubricProblem"/> belongs to. The one source for them: the rules key their
/// problems with these, the editor page files them in ModelState under the same key, and the editor view looks them up
/// with the same builders, so a message always lands beside its field.
/// </summary>
public static class RubricField
{
    /// <summary>The draft as a whole (published meanwhile, or an item that is no longer in it).</summary>
    public const string Version = "Version";
    /// <summary>The scale: how many levels there are.</summary>
    public const string Levels = "Levels";
    /// <summary>The list of skills (a rubric needs at least one).</summary>
    public const string Skills = "Skills";
    public const string NewSkill = "NewSkill";
    public const string NewCategory = "NewCategory";

    public static string Level(int value) => $"Level{value}";
    public static string Skill(int skillId) => $"Skill{skillId}";
    public static string Category(int categoryId) => $"Category{categoryId}";
    public static string Descriptor(int skillId, int level) => $"Descriptor{skillId}-{level}";
}

public sealed record RubricProblem(string Field, string Message);
