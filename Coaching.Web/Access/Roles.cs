namespace Coaching.Web.Access;

/// <summary>The Identity roles an account can hold. Pages never test them directly: they ask a policy or EmployeeAccess.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string HR = "HR";
    public const string Manager = "Manager";
    public const string Employee = "Employee";
    public static readonly string[] All = [Admin, HR, Manager, Employee];
}
