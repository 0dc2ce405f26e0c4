using Coaching.Domain.People;
using Coaching.Web.Data;
using Coaching.Web.Features.Summaries;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Admin;

/// <summary>The administrator's home: getting started (until everything is done) and the administration screens.</summary>
public class AdministrationModel(CoachingDbContext db, IOptions<SmtpOptions> smtp) : PageModel
{
    public IReadOnlyList<GettingStarted.Step> Steps { get; private set; } = [];
    public bool Complete { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var withEmail = db.Employees.Where(e => e.IsActive && e.Email != null);
        var facts = new GettingStarted.Facts(
            await db.Teams.CountAsync(t => t.ArchivedAtUtc == null, ct),
            await db.JobRoles.CountAsync(ct),
            await db.JobRoles.CountAsync(r => r.DefaultRubricId == null || !db.Rubrics.Any(x => x.Id == r.DefaultRubricId && x.CurrentVersionId != null), ct),
            await db.Employees.CountAsync(e => e.IsActive, ct),
            await withEmail.CountAsync(ct),
            await withEmail.CountAsync(e => db.Users.Any(u => u.EmployeeId == e.Id && (u.PasswordHash != null || u.InvitedAtUtc != null)), ct),
            !string.IsNullOrWhiteSpace(smtp.Value.Host));
        Steps = GettingStarted.Steps(facts);
        Complete = GettingStarted.IsComplete(facts);
    }
}
