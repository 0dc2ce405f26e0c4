using System.Data;
using System.Security.Claims;
using System.Text;
using Coaching.Domain.Organisation;
using Coaching.Domain.People;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.People;

using Team = Coaching.Domain.Organisation.Team;

/// <summary>
/// People import, from upload to apply. The rules (columns, row problems, matching, what changes) are
/// <see cref="PeopleImport"/>'s; this class loads the organisation for them and writes what the preview says, in one
/// transaction.
/// </summary>
public sealed class PeopleImports(CoachingDbContext db, UserManager<AppUser> users, AuditTrail audit, Leavers leavers, TimeProvider clock,
    IOptions<OrganisationOptions> org, ILogger<PeopleImports> logger)
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    /// <summary>Where a team goes when the file names no site.</summary>
    public const string DefaultSite = "Main site";

    public sealed record ApplyOutcome(int Added, int Changed, int Left, IReadOnlyList<RowProblem> Skipped, string? Refused)
    {
        public string Sentence => $"{Added} added, {Changed} changed, {Left} marked as left, {Skipped.Count} rows skipped.";
    }

    /// <summary>Stores the file for preview, or says (for the file field) why it cannot be imported.</summary>
    public async Task<(PeopleImportUpload? Upload, string? Problem)> UploadAsync(IFormFile? file, bool missingPeopleHaveLeft, ClaimsPrincipal user, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return (null, "Choose a CSV file to upload.");
        if (file.Length > MaxFileBytes)
            return (null, $"The file is {file.Length / 1024.0 / 1024.0:0.#} MB; an import takes files up to {MaxFileBytes / 1024 / 1024} MB. Split it into smaller files.");
        string text;
        using (var stream = new MemoryStream())
        {
            await file.CopyToAsync(stream, ct);
            var bytes = stream.ToArray();
            // A picture, a zip or an .xlsx: say what it is rather than that its text is not UTF-8.
            if (Array.IndexOf(bytes, (byte)0) >= 0)
                return (null, "This is not a text file. Export the people list from your HR system as CSV (UTF-8) and upload that.");
            try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
            catch (DecoderFallbackException)
            {
                return (null, "The file is not UTF-8 text. In your spreadsheet, save it as \"CSV UTF-8 (comma delimited)\" and upload that.");
            }
        }
        var preview = PeopleImport.Preview(text, await ExistingAsync(ct), Options(missingPeopleHaveLeft), await CurrentManagersAsync(ct));
        if (preview.FileProblem is { } problem) return (null, problem);
        var upload = new PeopleImportUpload
        {
            Id = Guid.NewGuid(), FileName = Path.GetFileName(file.FileName), Content = text, MissingPeopleHaveLeft = missingPeopleHaveLeft,
            UploadedByUserId = EmployeeAccess.UserId(user), UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.PeopleImportUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        return (upload, null);
    }

    public Task<PeopleImportUpload?> FindAsync(Guid id, CancellationToken ct) => db.PeopleImportUploads.FirstOrDefaultAsync(u => u.Id == id, ct);

    public async Task<ImportPreview> PreviewAsync(PeopleImportUpload upload, CancellationToken ct) =>
        PeopleImport.Preview(upload.Content, await ExistingAsync(ct), Options(upload.MissingPeopleHaveLeft), await CurrentManagersAsync(ct));

    /// <summary>Applies the valid rows of the upload, all or nothing; a second apply of the same upload changes nothing.</summary>
    public async Task<ApplyOutcome> ApplyAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await db.InTransactionAsync(IsolationLevel.ReadCommitted, attempt => ApplyInTransactionAsync(id, user, attempt), ct);
        if (outcome.Refused is null) logger.LogInformation("People import {Id} applied: {Outcome}", id, outcome.Sentence);
        return outcome;
    }

    async Task<ApplyOutcome> ApplyInTransactionAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Claim the upload first: of two taps on Apply (or two admins), one applies and the other is told it was applied.
        var claimed = await db.PeopleImportUploads.Where(u => u.Id == id && u.AppliedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AppliedAtUtc, now), ct);
        if (claimed == 0) return new ApplyOutcome(0, 0, 0, [], "This file has already been applied (or is no longer there). Upload it again to see what it would change now.");
        var upload = await db.PeopleImportUploads.AsNoTracking().SingleAsync(u => u.Id == id, ct);
        var preview = await PreviewAsync(upload, ct);
        if (preview.FileProblem is { } refused) return new ApplyOutcome(0, 0, 0, [], refused);

        var roles = await db.JobRoles.ToDictionaryAsync(r => r.Name, StringComparer.OrdinalIgnoreCase, ct);
        var teams = await db.Teams.Include(t => t.Managers).ToListAsync(ct);
        JobRole Role(string name)
        {
            if (!roles.TryGetValue(name, out var role)) db.JobRoles.Add(roles[name] = role = new JobRole { Name = name });
            return role;
        }
        Team TeamFor(string name, string? site)
        {
            var team = teams.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && (site is null || t.Site.Equals(site, StringComparison.OrdinalIgnoreCase)));
            if (team is null)
            {
                team = new Team { Name = name, Site = site ?? DefaultSite };
                teams.Add(team);
                db.Teams.Add(team);
            }
            return team;
        }

        var changedIds = preview.Changed.Select(c => c.ExistingId!.Value).Concat(preview.Leaving.Select(l => l.Id)).ToHashSet();
        var people = await db.Employees.Where(e => changedIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        foreach (var add in preview.New)
        {
            var r = add.Row;
            db.Employees.Add(new Employee
            {
                EmployeeNumber = r.EmployeeId, FirstName = r.FirstName, LastName = r.LastName, Email = r.Email, JobRole = Role(r.JobRole),
                Team = TeamFor(r.Team, r.Site), HireDate = r.HireDate!.Value, IsActive = r.Active,
            });
        }
        foreach (var change in preview.Changed)
        {
            var (r, person) = (change.Row, people[change.ExistingId!.Value]);
            if (r.EmployeeId is not null) person.EmployeeNumber = r.EmployeeId;
            person.FirstName = r.FirstName;
            person.LastName = r.LastName;
            if (r.Email is not null) person.Email = r.Email;
            person.JobRole = Role(r.JobRole);
            person.Team = TeamFor(r.Team, r.Site ?? teams.FirstOrDefault(t => t.Id == person.TeamId)?.Site);
            if (r.HireDate is { } hired) person.HireDate = hired;
            person.IsActive = r.Active;
        }
        foreach (var leaver in preview.Leaving) people[leaver.Id].IsActive = false;
        await db.SaveChangesAsync(ct);

        await AssignManagersAsync(preview.Managers, TeamFor, ct);
        await BlockOrRestoreSignInAsync(preview, ct);

        var outcome = new ApplyOutcome(preview.New.Count, preview.Changed.Count, preview.Leaving.Count + preview.Changed.Count(c => !c.Row.Active && c.Changes.Any(f => f.Field == "active")),
            preview.Problems, null);
        await db.PeopleImportUploads.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Outcome, outcome.Sentence), ct);
        audit.Record(user, "people.import", upload.FileName,
            $"{outcome.Sentence}{(preview.NewTeams.Count > 0 ? $" New teams: {string.Join(", ", preview.NewTeams.Select(t => t.Team))}." : "")}{(preview.NewJobRoles.Count > 0 ? $" New job roles: {string.Join(", ", preview.NewJobRoles)}." : "")}");
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    /// <summary>
    /// A person named as someone's manager leads that person's team, with a Manager account (invited later). Accounts are
    /// written in bulk (as Identity's store would write them), not one UserManager round trip each: an export names
    /// hundreds of managers.
    /// </summary>
    async Task AssignManagersAsync(IReadOnlyList<ManagerAssignment> assignments, Func<string, string?, Team> teamFor, CancellationToken ct)
    {
        if (assignments.Count == 0) return;
        var emails = assignments.Select(a => a.ManagerEmail).Distinct().ToList();
        var people = await db.Employees.Where(e => e.Email != null && emails.Contains(e.Email)).ToDictionaryAsync(e => e.Email!, StringComparer.OrdinalIgnoreCase, ct);
        var personIds = people.Values.Select(p => p.Id).ToList();
        var normalised = emails.Select(e => e.ToUpperInvariant()).ToList();
        var accounts = await db.Users.Where(u => (u.EmployeeId != null && personIds.Contains(u.EmployeeId.Value)) || normalised.Contains(u.NormalizedEmail!)).ToListAsync(ct);
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var accountIds = accounts.Select(a => a.Id).ToList();
        var managerRole = roleIds[Roles.Manager];
        var alreadyManagers = (await db.UserRoles.Where(r => r.RoleId == managerRole && accountIds.Contains(r.UserId)).Select(r => r.UserId).ToListAsync(ct)).ToHashSet();
        foreach (var byManager in assignments.GroupBy(a => a.ManagerEmail))
        {
            var person = people[byManager.Key];
            var account = accounts.FirstOrDefault(u => u.EmployeeId == person.Id) ?? accounts.FirstOrDefault(u => string.Equals(u.Email, byManager.Key, StringComparison.OrdinalIgnoreCase));
            if (account is null)
            {
                account = new AppUser
                {
                    UserName = byManager.Key, NormalizedUserName = users.NormalizeName(byManager.Key), Email = byManager.Key, NormalizedEmail = users.NormalizeEmail(byManager.Key),
                    DisplayName = person.FullName, EmployeeId = person.Id, LockoutEnabled = true,
                    SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
                };
                db.Users.Add(account);
                accounts.Add(account);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = account.Id, RoleId = roleIds[Roles.Employee] });
            }
            account.EmployeeId ??= person.Id;
            if (alreadyManagers.Add(account.Id))
            {
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = account.Id, RoleId = managerRole });
                account.SecurityStamp = Guid.NewGuid().ToString("N"); // an open session picks up the new role
            }
            foreach (var assignment in byManager)
            {
                var team = teamFor(assignment.Team, assignment.Site);
                if (!team.Managers.Any(m => m.UserId == account.Id)) team.Managers.Add(new TeamManager { UserId = account.Id });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A leaver cannot sign in from the moment the import is applied (their open session neither); a returner can again.</summary>
    async Task BlockOrRestoreSignInAsync(ImportPreview preview, CancellationToken ct)
    {
        var leaving = preview.Leaving.Select(l => l.Id).Concat(preview.Changed.Where(c => !c.Row.Active).Select(c => c.ExistingId!.Value)).ToHashSet();
        var returning = preview.Changed.Where(c => c.Row.Active && c.Changes.Any(f => f.Field == "active")).Select(c => c.ExistingId!.Value).ToHashSet();
        await leavers.FollowAsync(leaving, returning, ct);
        await db.SaveChangesAsync(ct);
    }

    async Task<IReadOnlyList<ExistingPerson>> ExistingAsync(CancellationToken ct) =>
        await db.Employees.AsNoTracking()
            .Select(e => new ExistingPerson(e.Id, e.EmployeeNumber, e.FirstName, e.LastName, e.Email, e.JobRole!.Name, e.Team!.Name, e.Team.Site, e.HireDate, e.IsActive))
            .ToListAsync(ct);

    async Task<IReadOnlyCollection<ManagerAssignment>> CurrentManagersAsync(CancellationToken ct) =>
        await (from m in db.TeamManagers
               join u in db.Users on m.UserId equals u.Id
               join t in db.Teams on m.TeamId equals t.Id
               where u.Email != null
               select new ManagerAssignment(u.Email!, t.Name, t.Site)).ToListAsync(ct);

    ImportOptions Options(bool missingPeopleHaveLeft) => new(org.Value.CultureInfo, missingPeopleHaveLeft);
}
