using Microsoft.AspNetCore.Identity;

namespace Coaching.Web.Data;

/// <summary>A sign-in account. Employees' accounts point at their Employee row; managers, HR and admins may not have one.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? EmployeeId { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string HR = "HR";
    public const string Manager = "Manager";
    public const string Employee = "Employee";
    public static readonly string[] All = [Admin, HR, Manager, Employee];
}
