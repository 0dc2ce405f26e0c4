using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.Time;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.People;

/// <summary>Everyone in the organisation (HR and Admin), by team, with a way into each profile.</summary>
public class PeopleModel(EmployeeAccess access, TimeProvider clock, IOptions<OrganisationOptions> org, Account.AccountInvitations invitations, AuditTrail audit, Data.CoachingDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Filter { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Invites everyone with an email who has no account yet or was never invited (after an import, say).</summary>
    public async Task<IActionResult> OnPostInviteEveryoneAsync(CancellationToken ct)
    {
        var sent = await invitations.InviteEveryoneNewAsync(ct);
        audit.Record(User, "account.invite-everyone", $"{sent} people");
        await db.SaveChangesAsync(ct);
        TempData["Toast"] = sent == 0 ? "Everyone with an email address is already invited or signed up." : $"Invitations sent to {sent} people.";
        return RedirectToPage();
    }

    /// <summary>Invites the ticked people who have not signed up or been invited yet.</summary>
    public async Task<IActionResult> OnPostInviteSelectedAsync(int[]? ids, CancellationToken ct)
    {
        if (ids is not { Length: > 0 })
        {
            TempData["Toast"] = "Tick the people to invite first.";
            return RedirectToPage();
        }
        var sent = await invitations.InviteEveryoneNewAsync(ct, ids);
        audit.Record(User, "account.invite-selected", $"{sent} of {ids.Length} people");
        await db.SaveChangesAsync(ct);
        TempData["Toast"] = sent == 0 ? "The selected people are already invited or signed up." : $"Invitations sent to {sent} {(sent == 1 ? "person" : "people")}.";
        return RedirectToPage();
    }

    public sealed record Row(int Id, string Name, string? Email, string Role, string Team, string Site, Tenure Tenure, bool IsActive);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = OrganisationClock.Today(clock.GetUtcNow().UtcDateTime, org.Value.Zone);
        var query = access.Visible(User);
        if (!string.IsNullOrWhiteSpace(Filter))
        {
            var f = Filter.Trim().ToLower();
            query = query.Where(e => (e.FirstName + " " + e.LastName).ToLower().Contains(f) || e.Team!.Name.ToLower().Contains(f) || e.JobRole!.Name.ToLower().Contains(f));
        }
        var rows = await query.OrderBy(e => e.Team!.Name).ThenBy(e => e.LastName).Take(500)
            .Select(e => new { e.Id, e.FirstName, e.LastName, e.Email, Role = e.JobRole!.Name, Team = e.Team!.Name, e.Team.Site, e.HireDate, e.IsActive })
            .ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.Id, Employee.FullNameOf(r.FirstName, r.LastName), r.Email, r.Role, r.Team, r.Site, Tenure.Between(r.HireDate, today), r.IsActive)).ToList();
        return this.PageOrPartial("_Rows", this);
    }
}
