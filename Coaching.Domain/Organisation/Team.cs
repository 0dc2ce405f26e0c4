namespace Coaching.Domain.Organisation;

/// <summary>A team on one site, led by one or more managers.</summary>
public class Team
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Site { get; set; }
    /// <summary>An archived team is kept for the history of the people who were in it, but takes no one new.</summary>
    public DateTime? ArchivedAtUtc { get; set; }
    public List<TeamManager> Managers { get; set; } = [];
    public List<Employee> Employees { get; set; } = [];
}

/// <summary>Links a manager's account to a team they lead.</summary>
public class TeamManager
{
    public int TeamId { get; set; }
    public required string UserId { get; set; }
}
