namespace Coaching.Domain.Organisation;

public class Employee
{
    public int Id { get; set; }
    /// <summary>The employee id of the HR system the people import comes from; how the next import recognises this person.</summary>
    public string? EmployeeNumber { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? Email { get; set; }
    public int JobRoleId { get; set; }
    public JobRole? JobRole { get; set; }
    public int TeamId { get; set; }
    public Team? Team { get; set; }
    public DateOnly HireDate { get; set; }
    public bool IsActive { get; set; } = true;

    public string FullName => FullNameOf(FirstName, LastName);

    /// <summary>The one way a person's name is written. Queries that project only the two names call this (EF cannot read FullName).</summary>
    public static string FullNameOf(string firstName, string lastName) => $"{firstName} {lastName}";
}
