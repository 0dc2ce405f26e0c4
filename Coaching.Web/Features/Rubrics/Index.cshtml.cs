using Coaching.Domain.Rubrics;
using Coaching.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Rubrics;

public class IndexModel(CoachingDbContext db) : PageModel
{
    public sealed record Row(int Id, string Name, string? Description, int? CurrentNumber, int SkillCount, bool HasDraft, IReadOnlyList<string> Roles);
    public IReadOnlyList<Row> Rubrics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rubrics = await db.Rubrics.OrderBy(r => r.Name)
            .Select(r => new Row(r.Id, r.Name, r.Description,
                r.CurrentVersion == null ? null : r.CurrentVersion.Number,
                r.CurrentVersion == null ? 0 : r.CurrentVersion.Skills.Count,
                r.Versions.Any(v => v.Status == RubricVersionStatus.Draft),
                db.JobRoles.Where(j => j.DefaultRubricId == r.Id).Select(j => j.Name).ToList()))
            .ToListAsync(ct);
    }
}
