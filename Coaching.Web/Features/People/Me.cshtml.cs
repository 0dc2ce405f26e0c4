using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.People;

/// <summary>An employee's own development page.</summary>
public class MeModel(CoachingDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var userId = EmployeeAccess.UserId(User);
        var employeeId = await db.Users.Where(u => u.Id == userId).Select(u => u.EmployeeId).FirstOrDefaultAsync(ct);
        return employeeId is { } id ? Redirect($"/People/{id}") : NotFound();
    }
}
