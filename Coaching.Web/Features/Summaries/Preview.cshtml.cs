using Coaching.Domain.Time;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coaching.Web.Features.Summaries;

/// <summary>Any employee's summary PDF of a week, shown in the browser (HR and Admin).</summary>
public class PreviewModel(SummarySources sources, EmployeeAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? week, int employeeId, CancellationToken ct)
    {
        if (!IsoWeek.TryParse(week, out var w)) return BadRequest("Give the week as 2026-W47.");
        if (await access.FindAsync(User, employeeId, ct) is null) return NotFound();
        var summary = await sources.ComposeAsync(employeeId, w, ct);
        if (summary is null) return NotFound();
        return sources.Inline(this, summary);
    }
}
