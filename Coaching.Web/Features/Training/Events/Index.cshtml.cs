using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coaching.Web.Features.Training.Events;

/// <summary>Training events a coach may open: HR all of them, a manager those their people attended.</summary>
public class IndexModel(TrainingEvents events) : PageModel
{
    public IReadOnlyList<TrainingEvents.ListRow> Events => List.Items;
    public Coaching.Domain.PageOf<TrainingEvents.ListRow> List { get; private set; } = new([], 1, TrainingEvents.PageSize, 0);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        List = await events.ListAsync(User, pageNumber ?? 1, ct);
        return Page();
    }
}
