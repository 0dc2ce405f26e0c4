using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coaching.Web.Features.People;

/// <summary>An employee's own development page.</summary>
public class MeModel(EmployeeAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var employeeId = await access.OwnEmployeeIdAsync(User, ct);
        return employeeId is { } id ? Redirect($"/People/{id}") : NotFound();
    }
}
