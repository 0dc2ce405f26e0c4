using System.Security.Claims;
using Coaching.Domain.Organisation;
using Coaching.Web.Data;

namespace Coaching.Web.Infrastructure;

/// <summary>
/// The one way an administrative change is recorded. The entry is added to the same unit of work as the change, so it is
/// saved with it or not at all.
/// </summary>
public sealed class AuditTrail(CoachingDbContext db, TimeProvider clock)
{
    public void Record(ClaimsPrincipal user, string action, string subject, string details = "") =>
        Record(EmployeeAccess.UserId(user), user.Identity?.Name ?? "", action, subject, details);

    /// <summary>For changes made by an operator command rather than a signed-in person.</summary>
    public void Record(string userId, string userName, string action, string subject, string details = "") =>
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime, UserId = userId, UserName = Truncate(userName, 256), Action = action,
            Subject = Truncate(subject, 300), Details = Truncate(details, 4000),
        });

    static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
