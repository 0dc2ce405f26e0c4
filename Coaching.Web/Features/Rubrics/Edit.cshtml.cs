using Coaching.Domain.Rubrics;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Rubrics;

/// <summary>
/// The draft editor: every small change (rename, reorder, add, remove, a descriptor) is its own htmx post that
/// answers with the re-drawn editor. Only drafts change; publishing makes the draft the current version.
/// </summary>
public class EditModel(CoachingDbContext db, TimeProvider clock, AuditTrail audit) : PageModel
{
    public RubricVersion Version { get; private set; } = null!;
    public string RubricName { get; private set; } = "";
    public int RubricId { get; private set; }
    /// <summary>Messages keyed by the field they belong beside ("skill-12", "new-skill", "levels").</summary>
    public Dictionary<string, string> Errors { get; } = [];
    /// <summary>What the user typed where it was refused, so the field keeps it.</summary>
    public Dictionary<string, string> Attempted { get; } = [];
    public IReadOnlyList<RubricProblem> PublishProblems { get; private set; } = [];
    /// <summary>Publish was pressed and nothing is wrong: the editor shows the "publish now?" step.</summary>
    public bool ConfirmingPublish { get; private set; }
    /// <summary>The version that publishing supersedes, if any, for the confirmation's wording.</summary>
    public int? PreviousNumber { get; private set; }

    public async Task<IActionResult> OnGetAsync(int versionId, CancellationToken ct)
    {
        if (!await LoadAsync(versionId, ct)) return NotFound();
        if (!Version.IsEditable) return Redirect($"/Rubrics/Details/{RubricId}");
        return this.PageOrPartial("_Editor", this);
    }

    public Task<IActionResult> OnPostLevelNameAsync(int versionId, int value, string? name, CancellationToken ct) => EditAsync(versionId, ct, () =>
    {
        var level = Version.Levels.FirstOrDefault(l => l.Value == value);
        if (level is null) return;
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) Refuse($"level-{value}", name, "A level needs a name.");
        else if (trimmed.Length > RubricRules.MaxLevelNameLength) Refuse($"level-{value}", name, $"Level names are at most {RubricRules.MaxLevelNameLength} characters.");
        else if (Version.Levels.Any(l => l != level && string.Equals(l.Name, trimmed, StringComparison.OrdinalIgnoreCase))) Refuse($"level-{value}", name, "Two levels cannot share a name.");
        else level.Name = trimmed;
    });

    public Task<IActionResult> OnPostAddLevelAsync(int versionId, CancellationToken ct) => EditAsync(versionId, ct, () =>
    {
        if (Version.Levels.Count >= RubricRules.MaxLevels) { Errors["levels"] = $"A rubric has at most {RubricRules.MaxLevels} levels."; return; }
        var next = Version.MaxLevel + 1;
        Version.Levels.Add(new RubricLevel { Value = next, Name = $"Level {next}" });
    });

    public Task<IActionResult> OnPostRemoveLevelAsync(int versionId, CancellationToken ct) => EditAsync(versionId, ct, () =>
    {
        if (Version.Levels.Count <= RubricRules.MinLevels) { Errors["levels"] = $"A rubric has at least {RubricRules.MinLevels} levels."; return; }
        var top = Version.MaxLevel;
        Version.Levels.RemoveAll(l => l.Value == top);
        foreach (var skill in Version.Skills) skill.Descriptors.RemoveAll(d => d.Level == top);
    });

    public Task<IActionResult> OnPostAddCategoryAsync(int versionId, string? name, CancellationToken ct) => EditAsync(versionId, ct, () =>
    {
        if (CategoryNameProblem(name, null) is { } problem) { Refuse("new-category", name, problem); return; }
        Version.Categories.Add(new SkillCategory { Name = name!.Trim(), Order = Version.Categories.Count == 0 ? 0 : Version.Categories.Max(c => c.Order) + 1 });
    });

    public Task<IActionResult> OnPostRenameCategoryAsync(int versionId, int categoryId, string? name, CancellationToken ct) => EditAsync(versionId, ct, () =>
    {
        var category = Version.Categories.FirstOrDefault(c => c.Id == categoryId);
        if (category is null) { Errors["form"] = "That category is not in this draft."; return; }
        if (CategoryNameProblem(name, category) is { } problem) { Refuse($"category-{categoryId}", name, problem); return; }
        category.Name = name!.Trim();
    });

    public Task<IActionResult> OnPostMoveCategoryAsync(int versionId, int categoryId, int by, CancellationToken ct) => EditAsync(versionId, ct, () =>
        Move(Version.Categories.OrderBy(c => c.Order).ToList(), c => c.Id == categoryId, by, (c, i) => c.Order = i));

    public Task<IActionResult> OnPostRemoveCategoryAsync(int versionId, int categoryId, CancellationToken ct) => EditAsync(versionId, ct, () =>
    {
        var category = Version.Categories.FirstOrDefault(c => c.Id == categoryId);
        if (category is null) return;
        foreach (var skill in Version.Skills.Where(s => s.CategoryId == categoryId)) { skill.CategoryId = null; skill.Category = null; }
        Version.Categories.Remove(category);
        db.SkillCategories.Remove(category);
    });

    public Task<IActionResult> OnPostAddSkillAsync(int versionId, string? name, int? categoryId, CancellationToken ct) => EditAsync(versionId, ct, () =>
    {
        if (SkillNameProblem(name, null) is { } problem) { Refuse("new-skill", name, problem); return; }
        Version.Skills.Add(new Skill
        {
            Key = Guid.NewGuid(), Name = name!.Trim(), Order = Version.Skills.Count == 0 ? 0 : Version.Skills.Max(s => s.Order) + 1,
            CategoryId = Version.Categories.Any(c => c.Id == categoryId) ? categoryId : null,
        });
    });

    public Task<IActionResult> OnPostRenameSkillAsync(int versionId, int skillId, string? name, CancellationToken ct) => EditAsync(versionId, ct, () =>
    {
        var skill = Version.Skills.FirstOrDefault(s => s.Id == skillId);
        if (skill is null) { Errors["form"] = "That skill is not in this draft."; return; }
        if (SkillNameProblem(name, skill) is { } problem) { Refuse($"skill-{skillId}", name, problem); return; }
        skill.Name = name!.Trim();
    });

    public Task<IActionResult> OnPostSkillCategoryAsync(int versionId, int skillId, int? categoryId, CancellationToken ct) => EditAsync(versionId, ct, () =>
    {
        var skill = Version.Skills.FirstOrDefault(s => s.Id == skillId);
        if (skill is null) return;
        skill.CategoryId = Version.Categories.Any(c => c.Id == categoryId) ? categoryId : null;
    });

    public Task<IActionResult> OnPostMoveSkillAsync(int versionId, int skillId, int by, CancellationToken ct) => EditAsync(versionId, ct, () =>
        Move(Version.Skills.OrderBy(s => s.Order).ToList(), s => s.Id == skillId, by, (s, i) => s.Order = i));

    public Task<IActionResult> OnPostRemoveSkillAsync(int versionId, int skillId, CancellationToken ct) => EditAsync(versionId, ct, () =>
    {
        var skill = Version.Skills.FirstOrDefault(s => s.Id == skillId);
        if (skill is null) return;
        Version.Skills.Remove(skill);
        db.Skills.Remove(skill);
    });

    public Task<IActionResult> OnPostDescriptorAsync(int versionId, int skillId, int level, string? text, CancellationToken ct) => EditAsync(versionId, ct, () =>
    {
        var skill = Version.Skills.FirstOrDefault(s => s.Id == skillId);
        if (skill is null || Version.Levels.All(l => l.Value != level)) { Errors["form"] = "That descriptor is not in this draft."; return; }
        if (RubricRules.DescriptorProblem(text) is { } problem) { Refuse($"descriptor-{skillId}-{level}", text, problem); return; }
        var existing = skill.Descriptors.FirstOrDefault(d => d.Level == level);
        if (string.IsNullOrWhiteSpace(text)) { if (existing is not null) skill.Descriptors.Remove(existing); }
        else if (existing is null) skill.Descriptors.Add(new LevelDescriptor { Level = level, Text = text.Trim() });
        else existing.Text = text.Trim();
    });

    /// <summary>
    /// Publish asks first (a confirm step rendered by the server, so it works without script); a draft that would
    /// publish empty descriptors or duplicate level names is refused before anyone is asked, each problem beside its field.
    /// </summary>
    public async Task<IActionResult> OnPostPublishAsync(int versionId, bool confirmed, CancellationToken ct)
    {
        if (!await LoadAsync(versionId, ct)) return NotFound();
        if (!Version.IsEditable) return GoTo($"/Rubrics/Details/{RubricId}");
        var rubric = await db.Rubrics.Include(r => r.Versions).SingleAsync(r => r.Id == RubricId, ct);
        var problems = RubricRules.Check(Version);
        if (problems.Count == 0 && !confirmed)
        {
            ConfirmingPublish = true;
            PreviousNumber = rubric.Versions.Where(v => v.Status == RubricVersionStatus.Published).Select(v => (int?)v.Number).SingleOrDefault();
            return this.PageOrPartial("_Editor", this);
        }
        if (problems.Count == 0) problems = RubricEditing.Publish(rubric, Version, clock.GetUtcNow().UtcDateTime);
        if (problems.Count > 0)
        {
            PublishProblems = problems;
            foreach (var p in problems) if (EditorField(p.Field) is { } field) Errors.TryAdd(field, p.Message);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return this.PageOrPartial("_Editor", this);
        }
        audit.Record(User, "rubric.publish", $"{RubricName} v{Version.Number}");
        await db.SaveChangesAsync(ct);
        TempData["Toast"] = $"{RubricName} v{Version.Number} is published; new observations use it.";
        return GoTo($"/Rubrics/Details/{RubricId}");
    }

    /// <summary>
    /// Discarding a draft keeps the published versions. A rubric that was never published has nothing else, so
    /// discarding its only draft deletes the rubric (the confirmation says so) instead of leaving an empty shell.
    /// </summary>
    public async Task<IActionResult> OnPostDiscardAsync(int versionId, CancellationToken ct)
    {
        if (!await LoadAsync(versionId, ct)) return NotFound();
        if (!Version.IsEditable) return GoTo($"/Rubrics/Details/{RubricId}");
        var rubric = await db.Rubrics.Include(r => r.Versions).SingleAsync(r => r.Id == RubricId, ct);
        db.RubricVersions.Remove(Version);
        var deleteRubric = rubric.CurrentVersionId is null && rubric.Versions.All(v => v == Version);
        if (deleteRubric) db.Rubrics.Remove(rubric);
        await db.SaveChangesAsync(ct);
        TempData["Toast"] = deleteRubric ? $"{RubricName} was never published; it is deleted." : $"Draft v{Version.Number} of {RubricName} is discarded.";
        return GoTo(deleteRubric ? "/Rubrics" : $"/Rubrics/Details/{RubricId}");
    }

    /// <summary>A whole-page move: htmx follows HX-Redirect, a plain form post a 302.</summary>
    IActionResult GoTo(string url)
    {
        if (!Request.IsHtmx()) return Redirect(url);
        Response.Htmx(h => h.Redirect(url));
        return new OkResult();
    }

    /// <summary>True when discarding this draft deletes the whole rubric (nothing of it was ever published).</summary>
    public bool IsFirstDraft => Version.Rubric!.CurrentVersionId is null;

    /// <summary>Maps a publish problem's domain field to the editor field it is shown beside.</summary>
    static string? EditorField(string domainField) =>
        domainField.StartsWith("Descriptor") ? "descriptor-" + domainField["Descriptor".Length..]
        : domainField.StartsWith("Level") && domainField.Length > "Level".Length && char.IsDigit(domainField["Level".Length]) ? "level-" + domainField["Level".Length..]
        : domainField.StartsWith("Skill") && domainField.Length > "Skill".Length && char.IsDigit(domainField["Skill".Length]) ? "skill-" + domainField["Skill".Length..]
        : null;

    async Task<IActionResult> EditAsync(int versionId, CancellationToken ct, Action change)
    {
        if (!await LoadAsync(versionId, ct)) return NotFound();
        if (!Version.IsEditable)
        {
            Errors["form"] = "This version is published and never changes. Start a new draft with Edit.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return this.PageOrPartial("_Editor", this);
        }
        change();
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return this.PageOrPartial("_Editor", this);
        }
        await db.SaveChangesAsync(ct);
        if (!Request.IsHtmxNonBoosted()) return Redirect($"/Rubrics/Edit/{versionId}");
        Response.Trigger("rubricSaved");
        return Partial("_Editor", this);
    }

    async Task<bool> LoadAsync(int versionId, CancellationToken ct)
    {
        var version = await db.RubricVersions.Include(v => v.Levels).Include(v => v.Categories)
            .Include(v => v.Skills).ThenInclude(s => s.Descriptors).Include(v => v.Rubric)
            .AsSplitQuery().SingleOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null) return false;
        Version = version;
        RubricName = version.Rubric!.Name;
        RubricId = version.RubricId;
        return true;
    }

    string? SkillNameProblem(string? name, Skill? except) =>
        RubricRules.SkillNameProblem(name) ??
        (RubricRules.IsSkillNameTaken(Version, name!, except?.Id) ? $"This rubric already has a skill called \"{name!.Trim()}\"." : null);

    string? CategoryNameProblem(string? name, SkillCategory? except) =>
        string.IsNullOrWhiteSpace(name) ? "A category needs a name." :
        name.Trim().Length > RubricRules.MaxCategoryNameLength ? $"Category names are at most {RubricRules.MaxCategoryNameLength} characters." :
        Version.Categories.Any(c => c != except && string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)) ? "There is already a category with this name." : null;

    void Refuse(string field, string? typed, string message)
    {
        Errors[field] = message;
        Attempted[field] = typed ?? "";
    }

    static void Move<T>(List<T> ordered, Func<T, bool> which, int by, Action<T, int> setOrder)
    {
        var index = ordered.FindIndex(x => which(x));
        if (index < 0) return;
        var target = Math.Clamp(index + Math.Sign(by), 0, ordered.Count - 1);
        var item = ordered[index];
        ordered.RemoveAt(index);
        ordered.Insert(target, item);
        for (var i = 0; i < ordered.Count; i++) setOrder(ordered[i], i);
    }

    public string Value(string field, string stored) => Attempted.TryGetValue(field, out var typed) ? typed : stored;
    public string? Error(string field) => Errors.TryGetValue(field, out var m) ? m : null;
    /// <summary>The field that takes focus after a refused edit: the first one with a message, unless publish problems are listed.</summary>
    public bool Autofocus(string field) => PublishProblems.Count == 0 && Errors.Keys.FirstOrDefault(k => k != "form" && k != "levels") == field;
}
