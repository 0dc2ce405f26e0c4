namespace Coaching.Domain.Organisation;

/// <summary>A role people hold, the rubric they are observed against, and the level each skill requires.</summary>
public class JobRole
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? DefaultRubricId { get; set; }
    public List<RoleRequirement> Requirements { get; set; } = [];
    /// <summary>Whether new technology created this role: moving into it is newskilling rather than reskilling.</summary>
    public bool CreatedByNewTechnology { get; set; }
    /// <summary>The roles this one leads to (the career path HR edits); a reskilling plan usually targets one of them.</summary>
    public List<JobRole> LeadsTo { get; set; } = [];

    /// <summary>Why this role cannot gain a "leads to" link to <paramref name="next"/>; null when it can.</summary>
    public string? WhyNotLeadTo(JobRole next) =>
        next.Id == Id ? "A role cannot lead to itself."
        : LeadsTo.Any(r => r.Id == next.Id) ? $"{Name} already leads to {next.Name}."
        : null;
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
