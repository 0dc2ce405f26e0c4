using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coaching.Web.Features.Training.Events;

/// <summary>Training events a coach may open: HR all of them, a manager those their people attended.</summary>
public class IndexModel(TrainingEvents events) : PageModel
{
    public IReadOnlyList<TrainingEvents.ListRow> Events { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Events = await events.ListAsync(User, ct);
        return Page();
    }
}
