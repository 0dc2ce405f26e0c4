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
        foreach (var account in accounts)
        {
            if (left.Contains(account.EmployeeId!.Value)) Deactivate(account);
            else Reactivate(account);
        }
    }

    /// <summary>
    /// Turns an account's sign-in off: locked for good and its security stamp changed, so an open session ends at its
    /// next request. False when it was already off. The caller saves. Admin → Accounts and a person leaving both come here.
    /// </summary>
    public bool Deactivate(AppUser account)
    {
        if (account.DeactivatedAtUtc is not null) return false;
        account.DeactivatedAtUtc = clock.GetUtcNow().UtcDateTime;
        account.LockoutEnd = DateTimeOffset.MaxValue;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        return true;
    }

    /// <summary>Lets a deactivated account sign in again (its password, if set, still works). False when it was not off. The caller saves.</summary>
    public bool Reactivate(AppUser account)
    {
        if (account.DeactivatedAtUtc is null) return false;
        account.DeactivatedAtUtc = null;
        account.LockoutEnd = null;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        return true;
    }
}
