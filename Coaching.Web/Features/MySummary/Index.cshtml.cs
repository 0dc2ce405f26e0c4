using Coaching.Domain.Time;
using Coaching.Web.Data;
using Coaching.Web.Features.Summaries;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.MySummary;

/// <summary>The signed-in employee's own summary of a week: where the "view it in the portal" link of the email goes.</summary>
public class IndexModel(UserManager<AppUser> users, SummarySources sources, TimeProvider clock, IOptions<OrganisationOptions> org, IOptions<SummariesOptions> options) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? week, CancellationToken ct)
    {
        var today = OrganisationClock.Today(clock.GetUtcNow().UtcDateTime, org.Value.Zone);
        var w = IsoWeek.TryParse(week, out var parsed) ? parsed : IsoWeek.Of(today).Previous;
        if (await users.GetUserAsync(User) is not { EmployeeId: { } employeeId }) return NotFound();
        var summary = await sources.ComposeAsync(employeeId, w, ct);
        if (summary is null) return NotFound();
        var pdf = SummaryPdf.Render(summary, org.Value.Name, options.Value.Paper, clock.GetUtcNow().UtcDateTime);
        Response.Headers.ContentDisposition = $"inline; filename=\"{SummaryPdf.FileName(summary)}\"";
        return File(pdf, "application/pdf");
    }
}
