using Coaching.Domain.Rubrics;
using Coaching.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Rubrics;

public class RubricsModel(CoachingDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public string? NewDescription { get; set; }
    public string? NewNameError { get; private set; }
    public string? NewDescriptionError { get; private set; }

    public sealed record Row(int Id, string Name, string? Description, int? CurrentNumber, int SkillCount, bool HasDraft, IReadOnlyList<string> Roles);
    public IReadOnlyList<Row> Rubrics { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>A new rubric starts as draft v1 on the default scale; it is used once published.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var name = NewName?.Trim();
        NewNameError = string.IsNullOrEmpty(name) ? "Give the rubric a name."
            : name.Length > 100 ? "Rubric names are at most 100 characters."
            : await db.Rubrics.AnyAsync(r => r.Name == name, ct) ? "There is already a rubric with this name." : null;
        if (NewDescription?.Length > 1000) NewDescriptionError = "Keep the description under 1,000 characters.";
        if (NewNameError is not null || NewDescriptionError is not null)
        {
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var rubric = new Rubric { Name = name!, Description = NewDescription?.Trim() };
        var draft = RubricEditing.StartEmptyDraft(rubric, clock.GetUtcNow().UtcDateTime);
        rubric.Versions.Add(draft);
        db.Rubrics.Add(rubric);
        await db.SaveChangesAsync(ct);
        return Redirect($"/Rubrics/Edit/{draft.Id}");
    }

    async Task LoadAsync(CancellationToken ct)
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
