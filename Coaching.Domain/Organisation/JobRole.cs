namespace Coaching.Domain.Organisation;

/// <summary>A role people hold, the rubric they are observed against, and the level each skill requires.</summary>
public class JobRole
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? DefaultRubricId { get; set; }
    public List<RoleRequirement> Requirements { get; set; } = [];
}

/// <summary>
/// The level a role requires in a skill. Keyed by the skill's stable key so that it
/// survives new rubric versions.
/// </summary>
public class RoleRequirement
{
    public int Id { get; set; }
    public int JobRoleId { get; set; }
    public Guid SkillKey { get; set; }
    public int RequiredLevel { get; set; }
}
