namespace Coaching.Domain.Insights;

/// <summary>
/// The level an employee was last rated at in one skill (by stable key, across rubric versions): the submitted rating
/// with a level observed latest, the later-saved one of two observed at the same moment. Skill gaps compare these
/// rows with each role's required levels instead of finding every person's latest rating of every required skill.
/// </summary>
public class LatestLevel
{
    public int EmployeeId { get; set; }
    public Guid SkillKey { get; set; }
    public int Level { get; set; }
    public DateTime ObservedAtUtc { get; set; }
}
