using Coaching.Domain.Rubrics;
using Coaching.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Rubrics;

/// <summary>A rubric as it is used now, its versions, and the way into editing (which always starts a new draft).</summary>
public class DetailsModel(CoachingDbContext db, TimeProvider clock) : PageModel
{
    public Rubric Rubric { get; private set; } = null!;
    public RubricVersion? Shown { get; private set; }
    public RubricVersion? Draft { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? version, CancellationToken ct)
    {
        var rubric = await db.Rubrics.Include(r => r.Versions).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rubric is null) return NotFound();
        Rubric = rubric;
        Draft = rubric.Versions.FirstOrDefault(v => v.Status == RubricVersionStatus.Draft);
        var shownId = version ?? rubric.CurrentVersionId ?? Draft?.Id;
        if (shownId is { } sid && rubric.Versions.Any(v => v.Id == sid))
            Shown = await db.RubricVersions.Include(v => v.Levels).Include(v => v.Categories)
                .Include(v => v.Skills).ThenInclude(s => s.Descriptors).AsSplitQuery().SingleAsync(v => v.Id == sid, ct);
        return Page();
    }

    /// <summary>A version's state with the day it began: published on, superseded on (when the next version was published).</summary>
    public string Dated(RubricVersion version) => version.Status switch
    {
        RubricVersionStatus.Published => $"published {version.PublishedAtUtc:d MMM yyyy}",
        RubricVersionStatus.Superseded => RubricEditing.SupersededAtUtc(Rubric, version) is { } at ? $"superseded {at:d MMM yyyy}" : "superseded",
        _ => "draft",
    };

    /// <summary>"Edit": opens the draft in progress, or starts one as a copy of the current version.</summary>
    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct)
    {
        var rubric = await db.Rubrics.Include(r => r.Versions).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rubric is null) return NotFound();
        var draft = rubric.Versions.FirstOrDefault(v => v.Status == RubricVersionStatus.Draft);
        if (draft is null && rubric.CurrentVersionId is null)
        {
            // Nothing published to copy (its first draft was discarded before that was refused): start afresh.
            draft = RubricEditing.StartEmptyDraft(rubric, clock.GetUtcNow().UtcDateTime);
            db.RubricVersions.Add(draft);
            await db.SaveChangesAsync(ct);
        }
        else if (draft is null)
        {
            var from = await db.RubricVersions.Include(v => v.Levels).Include(v => v.Categories)
                .Include(v => v.Skills).ThenInclude(s => s.Descriptors).AsSplitQuery()
                .SingleAsync(v => v.Id == rubric.CurrentVersionId, ct);
            draft = RubricEditing.StartDraft(rubric, from, clock.GetUtcNow().UtcDateTime);
            db.RubricVersions.Add(draft);
            await db.SaveChangesAsync(ct);
        }
        return Redirect($"/Rubrics/Edit/{draft.Id}");
    }
}
