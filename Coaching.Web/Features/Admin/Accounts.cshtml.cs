using Coaching.Domain.People;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Admin;

/// <summary>Admin → Accounts: who can sign in, with which roles; unlock, (re)invite, deactivate and reactivate. All audited.</summary>
public class AccountsModel(CoachingDbContext db, UserManager<AppUser> users, Account.AccountInvitations invitations, People.Leavers leavers, AuditTrail audit, TimeProvider clock) : PageModel
{
    /// <summary>The roles an administrator grants here; Manager comes with leading a team, Employee with being a person.</summary>
    public static readonly string[] GrantableRoles = [Roles.HR, Roles.Admin];

    public sealed record Row(string Id, string Name, string? Email, IReadOnlyList<string> Roles, AccountState State, bool IsMe);
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "q")] public string? Filter { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostGrantAsync(string userId, string role, CancellationToken ct) =>
        await ChangeAsync(userId, ct, async user =>
        {
            if (!GrantableRoles.Contains(role)) return "Only the HR and Admin roles are granted here.";
            if (await users.IsInRoleAsync(user, role)) return $"{user.DisplayName} already has the {role} role.";
            await users.AddToRoleAsync(user, role);
            audit.Record(User, "account.role-grant", Describe(user), role);
            return null;
        }, user => $"{user.DisplayName} now has the {role} role.");

    public async Task<IActionResult> OnPostRemoveRoleAsync(string userId, string role, CancellationToken ct) =>
        await ChangeAsync(userId, ct, async user =>
        {
            if (!GrantableRoles.Contains(role)) return "Only the HR and Admin roles are removed here.";
            if (role == Roles.Admin && user.Id == EmployeeAccess.UserId(User)) return "You cannot remove your own Admin role: ask another administrator.";
            if (!await users.IsInRoleAsync(user, role)) return $"{user.DisplayName} does not have the {role} role.";
            await users.RemoveFromRoleAsync(user, role);
            await users.UpdateSecurityStampAsync(user); // the role leaves their open sessions too
            audit.Record(User, "account.role-remove", Describe(user), role);
            return null;
        }, user => $"{user.DisplayName} no longer has the {role} role.");

    public async Task<IActionResult> OnPostUnlockAsync(string userId, CancellationToken ct) =>
        await ChangeAsync(userId, ct, async user =>
        {
            if (user.DeactivatedAtUtc is not null) return $"{user.DisplayName}'s sign-in is deactivated; reactivate it instead.";
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            audit.Record(User, "account.unlock", Describe(user));
            return null;
        }, user => $"{user.DisplayName} can sign in again.");

    public async Task<IActionResult> OnPostInviteAsync(string userId, CancellationToken ct) =>
        await ChangeAsync(userId, ct, async user =>
        {
            if (user.DeactivatedAtUtc is not null) return $"{user.DisplayName}'s sign-in is deactivated; reactivate it first.";
            if (user.PasswordHash is not null) return $"{user.DisplayName} has already set a password; they can use \"Forgot password\".";
            await invitations.SendLinkAsync(user, ct);
            audit.Record(User, "account.invite", Describe(user));
            return null;
        }, user => $"Invitation sent to {user.Email}.");

    public async Task<IActionResult> OnPostDeactivateAsync(string userId, CancellationToken ct) =>
        await ChangeAsync(userId, ct, async user =>
        {
            if (user.Id == EmployeeAccess.UserId(User)) return "You cannot deactivate your own sign-in.";
            if (!leavers.Deactivate(user)) return $"{user.DisplayName}'s sign-in is already deactivated.";
            await users.UpdateAsync(user);
            audit.Record(User, "account.deactivate", Describe(user));
            return null;
        }, user => $"{user.DisplayName} can no longer sign in.");

    public async Task<IActionResult> OnPostReactivateAsync(string userId, CancellationToken ct) =>
        await ChangeAsync(userId, ct, async user =>
        {
            if (!leavers.Reactivate(user)) return $"{user.DisplayName}'s sign-in is not deactivated.";
            await users.UpdateAsync(user);
            audit.Record(User, "account.reactivate", Describe(user));
            return null;
        }, user => $"{user.DisplayName} can sign in again.");

    static string Describe(AppUser user) => $"{user.DisplayName} <{user.Email}>";

    async Task<IActionResult> ChangeAsync(string userId, CancellationToken ct, Func<AppUser, Task<string?>> change, Func<AppUser, string> done)
    {
        var user = await users.FindByIdAsync(userId ?? "");
        if (user is null) return NotFound();
        var problem = await change(user);
        if (problem is not null)
        {
            ModelState.AddModelError($"row-{user.Id}", problem);
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await db.SaveChangesAsync(ct); // the audit entry
        TempData["Toast"] = done(user);
        return RedirectToPage(new { q = Filter });
    }

    public string? Problem(string userId) => ModelState.TryGetValue($"row-{userId}", out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;

    async Task LoadAsync(CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Filter))
        {
            var f = Filter.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(f) || u.DisplayName.ToUpper().Contains(f));
        }
        var accounts = await query.OrderBy(u => u.DisplayName).Take(300)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, HasPassword = u.PasswordHash != null, u.InvitedAtUtc, u.LockoutEnd, u.DeactivatedAtUtc,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var me = EmployeeAccess.UserId(User);
        Rows = accounts.Select(a => new Row(a.Id, a.DisplayName, a.Email, a.Roles.Order().ToList(),
            AccountStates.Of(true, a.HasPassword, a.InvitedAtUtc, a.LockoutEnd, a.DeactivatedAtUtc, now), a.Id == me)).ToList();
    }
}
