using System.Security.Claims;
using Coaching.Domain.Organisation;
using Coaching.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Access;

/// <summary>
/// The one rule for "may this user see this employee": HR and Admin see everyone, a manager sees the
/// people of the teams they manage, an employee sees themself. Every handler that takes an employee
/// id goes through here, whatever id arrives in the URL or form.
/// </summary>
public sealed class EmployeeAccess(CoachingDbContext db, ILogger<EmployeeAccess> logger)
{
    public IQueryable<Employee> Visible(ClaimsPrincipal user)
    {
        if (SeesEveryone(user)) return db.Employees;
        var userId = UserId(user);
        if (user.IsInRole(Roles.Manager))
            return db.Employees.Where(e => db.TeamManagers.Any(m => m.TeamId == e.TeamId && m.UserId == userId));
        return db.Employees.Where(e => db.Users.Any(u => u.Id == userId && u.EmployeeId == e.Id));
    }

    /// <summary>Teams the user may see: all for HR and Admin, their own for a manager.</summary>
    public IQueryable<Team> VisibleTeams(ClaimsPrincipal user)
    {
        if (SeesEveryone(user)) return db.Teams;
        var userId = UserId(user);
        return db.Teams.Where(t => db.TeamManagers.Any(m => m.TeamId == t.Id && m.UserId == userId));
    }

    /// <summary>The employee if this user may see them; null (answer 404) otherwise, and the attempt is logged.</summary>
    public async Task<Employee?> FindAsync(ClaimsPrincipal user, int employeeId, CancellationToken ct = default)
    {
        var employee = await Visible(user).Include(e => e.JobRole).Include(e => e.Team).FirstOrDefaultAsync(e => e.Id == employeeId, ct);
        if (employee is null)
            logger.LogWarning("User {User} asked for employee {EmployeeId}, who is unknown or outside their teams", UserId(user), employeeId);
        return employee;
    }

    /// <summary>HR and Admin: the whole organisation, with no team between them and an employee.</summary>
    public static bool SeesEveryone(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.HR);

    public Task<bool> CanSeeAsync(ClaimsPrincipal user, int employeeId, CancellationToken ct = default) =>
        Visible(user).AnyAsync(e => e.Id == employeeId, ct);

    /// <summary>The employee the signed-in account belongs to, if any (managers, HR and admins may have none).</summary>
    public Task<int?> OwnEmployeeIdAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = UserId(user);
        return db.Users.Where(u => u.Id == userId).Select(u => u.EmployeeId).FirstOrDefaultAsync(ct);
    }

    /// <summary>Whether the signed-in person is this employee themself (their own plan, choices, reflection).</summary>
    public async Task<bool> IsThemselfAsync(ClaimsPrincipal user, int employeeId, CancellationToken ct = default) =>
        await OwnEmployeeIdAsync(user, ct) == employeeId;

    public static string UserId(ClaimsPrincipal user) => user.FindFirstValue(SignInClaims.UserId) ?? "";
}
