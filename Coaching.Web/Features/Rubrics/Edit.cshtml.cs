using Coaching.Domain.Rubrics;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Rubrics;

/// <summary>
/// The draft editor: every small change (rename, reorder, add, remove, a descriptor) is its own htmx post that
/// answers with the re-drawn editor. The draft applies the change and its rules (<see cref="RubricVersion.Apply"/>);
/// refusals go to ModelState under their <see cref="RubricField"/> key, which the editor view looks up.
/// </summary>
public class EditModel(CoachingDbContext db, TimeProvider clock, AuditTrail audit) : PageModel
{
    public RubricVersion Version { get; private set; } = null!;
    public string RubricName => Version.Rubric!.Name;
    public int RubricId => Version.RubricId;
    public IReadOnlyList<RubricProblem> PublishProblems { get; private set; } = [];
    /// <summary>The field that takes focus after a refused edit (none after a refused publish: its list does).</summary>
    public string? FocusField { get; private set; }
    /// <summary>Publish was pressed and nothing is wrong: the editor shows the "publish now?" step.</summary>
    public bool ConfirmingPublish { get; private set; }
    /// <summary>The version that publishing supersedes, if any, for the confirmation's wording.</summary>
    public int? PreviousNumber { get; private set; }
    /// <summary>True when discarding this draft deletes the whole rubric (nothing of it was ever published); the button says so.</summary>
    public bool IsFirstDraft => RubricEditing.DiscardDeletesRubric(Version.Rubric!, Version);

    public async Task<IActionResult> OnGetAsync(int versionId, CancellationToken ct)
    {
        if (!await LoadAsync(versionId, ct)) return NotFound();
        if (!Version.IsEditable) return Redirect($"/Rubrics/Details/{RubricId}");
        return this.PageOrPartial("_Editor", this);
    }

    public Task<IActionResult> OnPostLevelNameAsync(int versionId, int value, string? name, CancellationToken ct) => EditAsync(versionId, new RubricEdit.RenameLevel(value, name), name, ct);
    public Task<IActionResult> OnPostAddLevelAsync(int versionId, CancellationToken ct) => EditAsync(versionId, new RubricEdit.AddLevel(), null, ct);
    public Task<IActionResult> OnPostRemoveLevelAsync(int versionId, CancellationToken ct) => EditAsync(versionId, new RubricEdit.RemoveTopLevel(), null, ct);
    public Task<IActionResult> OnPostAddCategoryAsync(int versionId, string? name, CancellationToken ct) => EditAsync(versionId, new RubricEdit.AddCategory(name), name, ct);
    public Task<IActionResult> OnPostRenameCategoryAsync(int versionId, int categoryId, string? name, CancellationToken ct) => EditAsync(versionId, new RubricEdit.RenameCategory(categoryId, name), name, ct);
    public Task<IActionResult> OnPostMoveCategoryAsync(int versionId, int categoryId, int by, CancellationToken ct) => EditAsync(versionId, new RubricEdit.MoveCategory(categoryId, by), null, ct);
    public Task<IActionResult> OnPostRemoveCategoryAsync(int versionId, int categoryId, CancellationToken ct) => EditAsync(versionId, new RubricEdit.RemoveCategory(categoryId), null, ct);
    public Task<IActionResult> OnPostAddSkillAsync(int versionId, string? name, int? categoryId, CancellationToken ct) => EditAsync(versionId, new RubricEdit.AddSkill(name, categoryId), name, ct);
    public Task<IActionResult> OnPostRenameSkillAsync(int versionId, int skillId, string? name, CancellationToken ct) => EditAsync(versionId, new RubricEdit.RenameSkill(skillId, name), name, ct);
    public Task<IActionResult> OnPostSkillCategoryAsync(int versionId, int skillId, int? categoryId, CancellationToken ct) => EditAsync(versionId, new RubricEdit.FileSkill(skillId, categoryId), null, ct);
    public Task<IActionResult> OnPostMoveSkillAsync(int versionId, int skillId, int by, CancellationToken ct) => EditAsync(versionId, new RubricEdit.MoveSkill(skillId, by), null, ct);
    public Task<IActionResult> OnPostRemoveSkillAsync(int versionId, int skillId, CancellationToken ct) => EditAsync(versionId, new RubricEdit.RemoveSkill(skillId), null, ct);
    public Task<IActionResult> OnPostDescriptorAsync(int versionId, int skillId, int level, string? text, CancellationToken ct) => EditAsync(versionId, new RubricEdit.SetDescriptor(skillId, level, text), text, ct);

    /// <summary>
    /// Publish asks first (a confirm step rendered by the server, so it works without script); a draft that would
    /// publish empty descriptors or duplicate names is refused before anyone is asked, each problem beside its field.
    /// </summary>
    public async Task<IActionResult> OnPostPublishAsync(int versionId, bool confirmed, CancellationToken ct)
    {
        if (!await LoadAsync(versionId, ct)) return NotFound();
        if (!Version.IsEditable) return GoTo($"/Rubrics/Details/{RubricId}");
        if (!confirmed && RubricRules.Check(Version).Count == 0)
        {
            ConfirmingPublish = true;
            PreviousNumber = Version.Rubric!.Versions.Where(v => v.Status == RubricVersionStatus.Published).Select(v => (int?)v.Number).SingleOrDefault();
            return this.PageOrPartial("_Editor", this);
        }
        PublishProblems = RubricEditing.Publish(Version.Rubric!, Version, clock.GetUtcNow().UtcDateTime);
        if (PublishProblems.Count > 0) return Refused(PublishProblems, typed: null);
        audit.Record(User, "rubric.publish", $"{RubricName} v{Version.Number}");
        await db.SaveChangesAsync(ct);
        TempData["Toast"] = $"{RubricName} v{Version.Number} is published; new observations use it.";
        return GoTo($"/Rubrics/Details/{RubricId}");
    }

    /// <summary>Discards the draft; a rubric never published goes with it (the confirmation says so).</summary>
    public async Task<IActionResult> OnPostDiscardAsync(int versionId, CancellationToken ct)
    {
        if (!await LoadAsync(versionId, ct)) return NotFound();
        if (!Version.IsEditable) return GoTo($"/Rubrics/Details/{RubricId}");
        var deleteRubric = RubricEditing.DiscardDeletesRubric(Version.Rubric!, Version);
        db.RubricVersions.Remove(Version);
        if (deleteRubric) db.Rubrics.Remove(Version.Rubric!);
        await db.SaveChangesAsync(ct);
        TempData["Toast"] = deleteRubric ? $"{RubricName} was never published; it is deleted." : $"Draft v{Version.Number} of {RubricName} is discarded.";
        return GoTo(deleteRubric ? "/Rubrics" : $"/Rubrics/Details/{RubricId}");
    }

    async Task<IActionResult> EditAsync(int versionId, RubricEdit edit, string? typed, CancellationToken ct)
    {
        if (!await LoadAsync(versionId, ct)) return NotFound();
        var problems = Version.Apply(edit);
        if (problems.Count > 0)
        {
            FocusField = problems[0].Field;
            return Refused(problems, typed);
        }
        await db.SaveChangesAsync(ct);
        if (!Request.IsHtmxNonBoosted()) return Redirect($"/Rubrics/Edit/{versionId}");
        Response.Trigger("rubricSaved");
        return Partial("_Editor", this);
    }

    /// <summary>Each problem beside its field, keeping what was typed there; a published version answers 409 (nothing to fix here).</summary>
    IActionResult Refused(IReadOnlyList<RubricProblem> problems, string? typed)
    {
        foreach (var p in problems)
        {
            ModelState.AddModelError(p.Field, p.Message);
            if (typed is not null) ModelState.SetModelValue(p.Field, typed, typed);
        }
        Response.StatusCode = Version.IsEditable ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
        return this.PageOrPartial("_Editor", this);
    }

    /// <summary>A whole-page move: htmx follows HX-Redirect, a plain form post a 302.</summary>
    IActionResult GoTo(string url)
    {
        if (!Request.IsHtmx()) return Redirect(url);
        Response.Htmx(h => h.Redirect(url));
        return new OkResult();
    }

    async Task<bool> LoadAsync(int versionId, CancellationToken ct)
    {
        Version = (await db.RubricVersions.Include(v => v.Levels).Include(v => v.Categories)
            .Include(v => v.Skills).ThenInclude(s => s.Descriptors).Include(v => v.Rubric).ThenInclude(r => r!.Versions)
            .AsSplitQuery().SingleOrDefaultAsync(v => v.Id == versionId, ct))!;
        return Version is not null;
    }
}
