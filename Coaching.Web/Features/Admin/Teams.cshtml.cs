using System.Data;
using Coaching.Domain.People;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Admin;

using Team = Coaching.Domain.Organisation.Team;
using TeamManager = Coaching.Domain.Organisation.TeamManager;

/// <summary>Admin → Teams and sites: create, rename, set managers, merge, archive. Every change is audited.</summary>
public class TeamsModel(CoachingDbContext db, UserManager<AppUser> users, Account.AccountInvitations accounts, AuditTrail audit, TimeProvider clock) : PageModel
{
    public sealed record ManagerRow(string UserId, string Name, string? Email);
    public sealed record TeamRow(int Id, string Name, string Site, bool Archived, int ActivePeople, IReadOnlyList<ManagerRow> Managers);
    public IReadOnlyList<TeamRow> Teams { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Site { get; set; }
    [BindProperty] public string? ManagerEmail { get; set; }
    [BindProperty] public int? IntoTeamId { get; set; }
    /// <summary>The team whose form answered with a problem (its fields show the messages and keep what was typed).</summary>
    public int? FormTeamId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var problems = TeamRules.CheckName(Name, Site, await db.Teams.ToListAsync(ct));
        if (problems.Count > 0) return await RefuseAsync(null, problems, "Create", ct);
        var team = new Team { Name = Name!.Trim(), Site = Site!.Trim() };
        db.Teams.Add(team);
        audit.Record(User, "team.create", $"{team.Name} ({team.Site})");
        await db.SaveChangesAsync(ct);
        return Done($"{team.Name} at {team.Site} is created.");
    }

    public async Task<IActionResult> OnPostRenameAsync(int teamId, CancellationToken ct)
    {
        var team = await db.Teams.FindAsync([teamId], ct);
        if (team is null) return NotFound();
        var problems = TeamRules.CheckName(Name, Site, await db.Teams.Where(t => t.Id != teamId).ToListAsync(ct));
        if (problems.Count > 0) return await RefuseAsync(teamId, problems, "Rename", ct);
        audit.Record(User, "team.rename", $"{team.Name} ({team.Site})", $"Now {Name!.Trim()} ({Site!.Trim()}).");
        (team.Name, team.Site) = (Name!.Trim(), Site!.Trim());
        await db.SaveChangesAsync(ct);
        return Done($"Saved: {team.Name} at {team.Site}.");
    }

    public async Task<IActionResult> OnPostAddManagerAsync(int teamId, CancellationToken ct)
    {
        var team = await db.Teams.Include(t => t.Managers).FirstOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null) return NotFound();
        var email = ManagerEmail?.Trim();
        if (string.IsNullOrEmpty(email)) return await RefuseAsync(teamId, [new("ManagerEmail", "Enter the email of the person who will lead this team.")], "AddManager", ct);
        var account = await users.FindByEmailAsync(email);
        if (account is null)
        {
            var person = await db.Employees.FirstOrDefaultAsync(e => e.Email == email.ToLower() || e.Email == email, ct);
            if (person is null) return await RefuseAsync(teamId, [new("ManagerEmail", $"Nobody in the organisation has the email {email}. Add or import them under People first.")], "AddManager", ct);
            account = await accounts.EnsureAccountAsync(person);
        }
        if (account.DeactivatedAtUtc is not null) return await RefuseAsync(teamId, [new("ManagerEmail", $"{account.DisplayName}'s sign-in is deactivated; reactivate it under Accounts first.")], "AddManager", ct);
        if (team.Managers.Any(m => m.UserId == account.Id)) return await RefuseAsync(teamId, [new("ManagerEmail", $"{account.DisplayName} already leads {team.Name}.")], "AddManager", ct);
        if (!await users.IsInRoleAsync(account, Roles.Manager)) await users.AddToRoleAsync(account, Roles.Manager);
        team.Managers.Add(new TeamManager { TeamId = team.Id, UserId = account.Id });
        audit.Record(User, "team.manager-add", $"{team.Name} ({team.Site})", $"{account.DisplayName} <{account.Email}> leads it.");
        await db.SaveChangesAsync(ct);
        return Done($"{account.DisplayName} now leads {team.Name}.");
    }

    public async Task<IActionResult> OnPostRemoveManagerAsync(int teamId, string userId, CancellationToken ct)
    {
        var link = await db.TeamManagers.FirstOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId, ct);
        var team = await db.Teams.FindAsync([teamId], ct);
        if (link is null || team is null) return NotFound();
        var account = await users.FindByIdAsync(userId);
        db.TeamManagers.Remove(link);
        audit.Record(User, "team.manager-remove", $"{team.Name} ({team.Site})", $"{account?.DisplayName} no longer leads it.");
        await db.SaveChangesAsync(ct);
        return Done($"{account?.DisplayName} no longer leads {team.Name}.");
    }

    /// <summary>Moves everyone (and the managers) of one team into another and archives the first; history stays with the people.</summary>
    public async Task<IActionResult> OnPostMergeAsync(int teamId, CancellationToken ct)
    {
        var from = await db.Teams.Include(t => t.Managers).FirstOrDefaultAsync(t => t.Id == teamId, ct);
        if (from is null) return NotFound();
        var into = IntoTeamId is { } id ? await db.Teams.Include(t => t.Managers).FirstOrDefaultAsync(t => t.Id == id, ct) : null;
        if (into is null) return await RefuseAsync(teamId, [new("IntoTeamId", "Choose the team to merge into.")], "Merge", ct);
        if (TeamRules.WhyNotMerge(from, into) is { } why) return await RefuseAsync(teamId, [new("IntoTeamId", why)], "Merge", ct);
        var (fromId, intoId) = (from.Id, into.Id);
        var moved = await db.InTransactionAsync(IsolationLevel.ReadCommitted, async attempt =>
        {
            // Read again inside the transaction: an attempt starts from an empty change tracker.
            var source = await db.Teams.Include(t => t.Managers).SingleAsync(t => t.Id == fromId, attempt);
            var target = await db.Teams.Include(t => t.Managers).SingleAsync(t => t.Id == intoId, attempt);
            var count = await db.Employees.Where(e => e.TeamId == fromId).ExecuteUpdateAsync(s => s.SetProperty(e => e.TeamId, intoId), attempt);
            await Data.Rollups.RatingRollups.MoveTeamAsync(db, fromId, intoId, attempt); // the bulk move bypasses change tracking
            foreach (var manager in source.Managers.Where(m => target.Managers.All(x => x.UserId != m.UserId)).ToList())
                target.Managers.Add(new TeamManager { TeamId = intoId, UserId = manager.UserId });
            source.Managers.Clear();
            source.ArchivedAtUtc = clock.GetUtcNow().UtcDateTime;
            audit.Record(User, "team.merge", $"{source.Name} ({source.Site})", $"Merged into {target.Name} ({target.Site}): {count} people moved; {source.Name} archived.");
            await db.SaveChangesAsync(attempt);
            return count;
        }, ct);
        return Done($"{from.Name} is merged into {into.Name} ({moved} people moved).");
    }

    public async Task<IActionResult> OnPostArchiveAsync(int teamId, CancellationToken ct)
    {
        var team = await db.Teams.FindAsync([teamId], ct);
        if (team is null) return NotFound();
        var active = await db.Employees.CountAsync(e => e.TeamId == teamId && e.IsActive, ct);
        if (TeamRules.WhyNotArchive(team, active) is { } why) return await RefuseAsync(teamId, [new("Archive", why)], "Archive", ct);
        team.ArchivedAtUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record(User, "team.archive", $"{team.Name} ({team.Site})");
        await db.SaveChangesAsync(ct);
        return Done($"{team.Name} is archived.");
    }

    IActionResult Done(string message)
    {
        TempData["Toast"] = message;
        return RedirectToPage();
    }

    async Task<IActionResult> RefuseAsync(int? teamId, IReadOnlyList<FieldProblem> problems, string form, CancellationToken ct)
    {
        FormTeamId = teamId;
        foreach (var p in problems) ModelState.AddModelError($"{form}.{p.Field}", p.Message);
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.ArchivedAtUtc != null).ThenBy(t => t.Site).ThenBy(t => t.Name)
            .Select(t => new
            {
                t.Id, t.Name, t.Site, Archived = t.ArchivedAtUtc != null,
                Active = db.Employees.Count(e => e.TeamId == t.Id && e.IsActive),
                Managers = t.Managers.Select(m => db.Users.Where(u => u.Id == m.UserId).Select(u => new ManagerRow(u.Id, u.DisplayName, u.Email)).First()).ToList(),
            }).ToListAsync(ct);
        Teams = teams.Select(t => new TeamRow(t.Id, t.Name, t.Site, t.Archived, t.Active, t.Managers)).ToList();
    }

    /// <summary>The message for a field of one team's form (or the create form when <paramref name="teamId"/> is null).</summary>
    public string? Problem(int? teamId, string form, string field) =>
        FormTeamId == teamId && ModelState.TryGetValue($"{form}.{field}", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
