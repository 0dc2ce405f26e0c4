using Coaching.Domain.Development;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Development;

/// <summary>
/// HR marks which skills employees may choose to learn: every skill of every published rubric, by its stable key,
/// so a mark survives the rubric's next version. Unmarking a skill keeps the choices people already made.
/// </summary>
public class ChoosableSkillsModel(CoachingDbContext db, DevelopmentChoices choices, AuditTrail audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DevelopmentChoices.CatalogueSkill> Skills { get; private set; } = [];
    public HashSet<Guid> Choosable { get; private set; } = [];
    public IReadOnlyDictionary<Guid, int> Counts { get; private set; } = new Dictionary<Guid, int>();
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(List<string>? keys, CancellationToken ct)
    {
        await LoadAsync(ct);
        var shown = Skills.Select(s => s.Key).ToHashSet();
        var wanted = new HashSet<Guid>();
        foreach (var text in keys ?? [])
        {
            if (Guid.TryParse(text, out var key) && shown.Contains(key)) wanted.Add(key);
            else Problem = "A ticked skill is not in a published rubric any more. Reload the page and try again.";
        }
        if (!ModelState.IsValid) Problem = "Part of this form could not be read. Reload the page and try again.";
        if (Problem is not null)
        {
            // What HR ticked is kept on the page, nothing is saved.
            Choosable = wanted;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var current = await db.ChoosableSkills.ToListAsync(ct);
        var (marked, unmarked) = ChoosableSkill.Changes(current.Select(c => c.SkillKey), wanted, shown);
        if (marked.Count + unmarked.Count == 0)
        {
            TempData["Toast"] = "Nothing changed.";
            return RedirectToPage();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = EmployeeAccess.UserId(User);
        db.ChoosableSkills.AddRange(marked.Select(k => new ChoosableSkill { SkillKey = k, MarkedAtUtc = now, MarkedByUserId = userId }));
        db.ChoosableSkills.RemoveRange(current.Where(c => unmarked.Contains(c.SkillKey)));
        var names = Skills.ToDictionary(s => s.Key, s => s.Name);
        string List(IEnumerable<Guid> ks) => string.Join(", ", ks.Select(k => names[k]).Order(StringComparer.CurrentCulture));
        audit.Record(User, "skills.choosable", "Skills people may choose",
            string.Join(" ", new[] { marked.Count > 0 ? $"Now choosable: {List(marked)}." : "", unmarked.Count > 0 ? $"No longer choosable: {List(unmarked)}." : "" }.Where(t => t != "")));
        await db.SaveChangesAsync(ct);
        TempData["Toast"] = $"Saved: {wanted.Count} {(wanted.Count == 1 ? "skill" : "skills")} people may choose.";
        return RedirectToPage();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Skills = await choices.CatalogueAsync(ct);
        Choosable = await choices.ChoosableKeysAsync(ct);
        Counts = await choices.ChosenCountsAsync(ct);
    }
}
