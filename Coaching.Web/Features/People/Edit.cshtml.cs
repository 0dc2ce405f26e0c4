using Coaching.Domain.Organisation;
using Coaching.Domain.People;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.People;

/// <summary>
/// One person (HR and Admin): their details, team (a move keeps their history; the old manager stops seeing them,
/// the new one starts), whether they still work here, and their sign-in.
/// </summary>
public class EditPersonModel(CoachingDbContext db, EmployeeAccess access, Leavers leavers, Account.AccountInvitations invitations, AuditTrail audit,
    TimeProvider clock, IOptions<OrganisationOptions> org) : PageModel
{
    [BindProperty] public PersonInput Input { get; set; } = new();
    public Coaching.Domain.Organisation.Employee Person { get; private set; } = null!;
    public AccountState Account { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Roles { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Teams { get; private set; } = [];

    public sealed class PersonInput
    {
        public string? EmployeeNumber { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? Email { get; set; }
        public int JobRoleId { get; set; }
        public int TeamId { get; set; }
        public DateOnly? HireDate { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new PersonInput
        {
            EmployeeNumber = Person.EmployeeNumber, FirstName = Person.FirstName, LastName = Person.LastName, Email = Person.Email,
            JobRoleId = Person.JobRoleId, TeamId = Person.TeamId, HireDate = Person.HireDate,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim().ToLowerInvariant();
        var number = string.IsNullOrWhiteSpace(Input.EmployeeNumber) ? null : Input.EmployeeNumber.Trim();
        var emailOwner = email is null ? null : await db.Employees.Where(e => e.Id != id && e.Email == email).Select(e => Employee.FullNameOf(e.FirstName, e.LastName)).FirstOrDefaultAsync(ct);
        var numberOwner = number is null ? null : await db.Employees.Where(e => e.Id != id && e.EmployeeNumber == number).Select(e => Employee.FullNameOf(e.FirstName, e.LastName)).FirstOrDefaultAsync(ct);
        ModelState.UsePlainBindingMessages();
        foreach (var p in PersonRules.Check(new(number, Input.FirstName?.Trim(), Input.LastName?.Trim(), email, Input.HireDate), emailOwner, numberOwner, Today))
            ModelState.AddModelError($"{nameof(Input)}.{p.Field}", p.Message);
        if (Roles.All(r => r.Id != Input.JobRoleId)) ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.JobRoleId)}", "Choose a job role.");
        if (Teams.All(t => t.Id != Input.TeamId)) ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.TeamId)}", "Choose a team.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var before = Describe(Person);
        var movedFrom = Person.TeamId != Input.TeamId ? Teams.FirstOrDefault(t => t.Id == Person.TeamId).Name : null;
        Person.EmployeeNumber = number;
        Person.FirstName = Input.FirstName!.Trim();
        Person.LastName = Input.LastName!.Trim();
        Person.Email = email;
        Person.JobRoleId = Input.JobRoleId;
        Person.TeamId = Input.TeamId;
        Person.HireDate = Input.HireDate!.Value;
        var after = Describe(Person);
        if (before != after) audit.Record(User, movedFrom is null ? "person.change" : "person.move", Person.FullName, $"Was: {before}. Now: {after}.");
        await db.SaveChangesAsync(ct);
        TempData["Toast"] = movedFrom is null ? $"{Person.FullName} is saved." : $"{Person.FullName} moved from {movedFrom}; their history moves with them.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLeaveAsync(int id, bool left, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Person.IsActive == !left) return RedirectToPage(new { id });
        Person.IsActive = !left;
        await leavers.FollowAsync(left ? [id] : [], left ? [] : [id], ct);
        audit.Record(User, left ? "person.leave" : "person.return", Person.FullName);
        await db.SaveChangesAsync(ct);
        TempData["Toast"] = left ? $"{Person.FullName} is marked as left: their history stays, their sign-in is off." : $"{Person.FullName} is back.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostInviteAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Person.Email is null || !Person.IsActive || Account is not (AccountState.None or AccountState.Invited))
        {
            TempData["Toast"] = Person.Email is null ? $"{Person.FullName} has no email address to invite." : $"{Person.FullName} cannot be invited now ({Account.Label()}).";
            return RedirectToPage(new { id });
        }
        var account = await invitations.EnsureAccountAsync(Person);
        await invitations.SendLinkAsync(account, ct);
        audit.Record(User, "account.invite", $"{Person.FullName} <{Person.Email}>");
        await db.SaveChangesAsync(ct);
        TempData["Toast"] = $"Invitation sent to {Person.Email}.";
        return RedirectToPage(new { id });
    }

    static string Describe(Employee e) =>
        $"{e.EmployeeNumber ?? "no id"}, {e.FullName}, {e.Email ?? "no email"}, role {e.JobRoleId}, team {e.TeamId}, hired {e.HireDate:yyyy-MM-dd}";

    DateOnly Today => OrganisationClock.Today(clock.GetUtcNow().UtcDateTime, org.Value.Zone);

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var person = await access.FindAsync(User, id, ct);
        if (person is null) return false;
        Person = person;
        var account = await db.Users.AsNoTracking().Where(u => u.EmployeeId == id)
            .Select(u => new { HasPassword = u.PasswordHash != null, u.InvitedAtUtc, u.LockoutEnd, u.DeactivatedAtUtc }).FirstOrDefaultAsync(ct);
        Account = AccountStates.Of(account is not null, account?.HasPassword ?? false, account?.InvitedAtUtc, account?.LockoutEnd, account?.DeactivatedAtUtc, clock.GetUtcNow());
        Roles = (await db.JobRoles.OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct)).Select(r => (r.Id, r.Name)).ToList();
        Teams = (await db.Teams.Where(t => t.ArchivedAtUtc == null || t.Id == person.TeamId).OrderBy(t => t.Site).ThenBy(t => t.Name)
            .Select(t => new { t.Id, Name = t.Name + " (" + t.Site + ")" }).ToListAsync(ct)).Select(t => (t.Id, t.Name)).ToList();
        return true;
    }
}
