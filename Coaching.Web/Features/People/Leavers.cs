using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.People;

/// <summary>
/// The one way sign-in follows a person leaving or returning: a leaver's account is deactivated and its security stamp
/// changed, so an open session ends at its next request; a returner's account can sign in again. History is never touched.
/// </summary>
public sealed class Leavers(CoachingDbContext db, TimeProvider clock)
{
    /// <summary>Deactivates or reactivates the accounts of these people; the caller saves.</summary>
    public async Task FollowAsync(IReadOnlyCollection<int> left, IReadOnlyCollection<int> returned, CancellationToken ct)
    {
        if (left.Count + returned.Count == 0) return;
        var accounts = await db.Users.Where(u => u.EmployeeId != null && (left.Contains(u.EmployeeId.Value) || returned.Contains(u.EmployeeId.Value))).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var account in accounts)
        {
            var leaving = left.Contains(account.EmployeeId!.Value);
            if (leaving == (account.DeactivatedAtUtc is not null)) continue;
            account.DeactivatedAtUtc = leaving ? now : null;
            account.LockoutEnd = leaving ? DateTimeOffset.MaxValue : null;
            account.SecurityStamp = Guid.NewGuid().ToString("N");
        }
    }
}
