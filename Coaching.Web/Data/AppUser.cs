using Microsoft.AspNetCore.Identity;

namespace Coaching.Web.Data;

/// <summary>A sign-in account. Employees' accounts point at their Employee row; managers, HR and admins may not have one.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? EmployeeId { get; set; }
    /// <summary>When the last invitation to set a password was sent; null when never invited.</summary>
    public DateTime? InvitedAtUtc { get; set; }
    /// <summary>Sign-in turned off (a leaver, or by an administrator); the account and its history stay.</summary>
    public DateTime? DeactivatedAtUtc { get; set; }
}
