using Coaching.Domain.Organisation;
using Coaching.Domain.Rubrics;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Rubrics;

/// <summary>Each job role's default rubric and the level it requires per skill (what skill gaps are measured against).</summary>
public class RolesModel(CoachingDbContext db, AuditTrail audit, PublishedRubrics rubrics) : PageModel
{
    public sealed record SkillRequirement(Guid Key, string Name, int? Required);
    public sealed record RoleCard(JobRole Role, IReadOnlyList<(int Id, string Name)> Rubrics, RubricVersion? Version, IReadOnlyList<SkillRequirement> Skills, string? Error)
    {
        /// <summary>A rubric change that waits for "yes": the rubric chosen and what the change will remove.</summary>
        public PendingChange? Pending { get; init; }
        public int? SelectedRubricId => Pending is { } p ? p.RubricId : Role.DefaultRubricId;
    }
    public sealed record PendingChange(int? RubricId, string Message, int RemovedCount);
    public IReadOnlyList<RoleCard> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Roles = await CardsAsync(null, null, null, ct);
        CareerPaths = await CareerPathsAsync(ct);
    }

    /// <summary>
    /// Saves a role's default rubric and required levels. Keys and levels arrive as text and are checked here, so a
    /// tampered or missing field is a message, not a 500. Changing the rubric removes the required levels of skills the
    /// new rubric does not have, so it is only done after the person has been told and said yes.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(int roleId, int? rubricId, Dictionary<string, string?>? required, bool confirmed, CancellationToken ct)
    {
        var role = await db.JobRoles.Include(r => r.Requirements).SingleOrDefaultAsync(r => r.Id == roleId, ct);
        if (role is null) return NotFound();
        string? error = null;
        PendingChange? pending = null;
        RubricVersion? version = null;
        if (!ModelState.IsValid) error = "Part of this form could not be read. Reload the page and try again.";
        else if (rubricId is { } rid)
        {
            var currentId = await rubrics.CurrentVersionIdAsync(rid, ct);
            if (currentId is null) error = "Choose a published rubric.";
            else version = await db.RubricVersions.Include(v => v.Levels).Include(v => v.Skills).SingleAsync(v => v.Id == currentId, ct);
        }
        var changedRubric = rubricId != role.DefaultRubricId;
        var levels = new Dictionary<Guid, int?>();
        if (error is null && version is not null && !changedRubric)
        {
            var keys = version.Skills.Select(s => s.Key).ToHashSet();
            foreach (var (key, text) in required ?? [])
            {
                if (!Guid.TryParse(key, out var skillKey) || !keys.Contains(skillKey)) { error = "A required level was sent for a skill that is not in this rubric. Reload the page."; break; }
                int? level = null;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    if (!int.TryParse(text, out var l) || l < version.MinLevel || l > version.MaxLevel) { error = $"Required levels are from {version.MinLevel} to {version.MaxLevel}."; break; }
                    level = l;
                }
                levels[skillKey] = level;
            }
        }
        var dropped = new List<RoleRequirement>();
        if (error is null && changedRubric)
        {
            var kept = version?.Skills.Select(s => s.Key).ToHashSet() ?? [];
            dropped = role.Requirements.Where(q => !kept.Contains(q.SkillKey)).ToList();
            if (dropped.Count > 0 && !confirmed)
            {
                var to = version is null ? "None" : (await db.Rubrics.Where(r => r.Id == rubricId).Select(r => r.Name).SingleAsync(ct));
                var what = dropped.Count == 1 ? "its 1 required level" : $"its {dropped.Count} required levels";
                pending = new PendingChange(rubricId, version is null
                    ? $"Setting {role.Name}'s rubric to None removes {what}: skill gaps are no longer measured for this role, and new observations of people in it have no rubric to open."
                    : $"Changing {role.Name}'s rubric to {to} removes {what}, which belong to skills {to} does not have. Set the new required levels after saving.", dropped.Count);
            }
        }
        if (error is null && pending is null)
        {
            var before = role.Requirements.Select(q => (q.SkillKey, q.RequiredLevel)).ToList();
            var rubricBefore = role.DefaultRubricId;
            role.DefaultRubricId = rubricId;
            foreach (var q in dropped) role.Requirements.Remove(q);
            foreach (var (key, level) in levels)
            {
                var existing = role.Requirements.FirstOrDefault(q => q.SkillKey == key);
                if (level is null) { if (existing is not null) role.Requirements.Remove(existing); }
                else if (existing is null) role.Requirements.Add(new RoleRequirement { SkillKey = key, RequiredLevel = level.Value });
                else existing.RequiredLevel = level.Value;
            }
            var after = role.Requirements.Select(q => (q.SkillKey, q.RequiredLevel)).ToList();
            if (!before.ToHashSet().SetEquals(after) || rubricBefore != rubricId)
                audit.Record(User, "role.requirements", role.Name, await DescribeChangeAsync(rubricBefore, rubricId, before, after, ct));
            await db.SaveChangesAsync(ct);
            Response.Toast(dropped.Count > 0 ? $"{role.Name} saved; {dropped.Count} required levels removed." : $"{role.Name} saved.");
        }
        else if (error is not null) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;

        if (this.WantsPartial()) return Partial("_RoleCard", (await CardsAsync(roleId, error, pending, ct)).Single(c => c.Role.Id == roleId));
        if (error is null && pending is null) return RedirectToPage();
        Roles = await CardsAsync(roleId, error, pending, ct);
        CareerPaths = await CareerPathsAsync(ct);
        return Page();
    }

    /// <summary>The audit trail names rubrics and skills as people know them, not by their ids and keys.</summary>
    async Task<string> DescribeChangeAsync(int? rubricBefore, int? rubricAfter, List<(Guid SkillKey, int RequiredLevel)> before,
        List<(Guid SkillKey, int RequiredLevel)> after, CancellationToken ct)
    {
        var rubricNames = await db.Rubrics.Where(r => r.Id == rubricBefore || r.Id == rubricAfter).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var skillNames = await rubrics.SkillNamesAsync(before.Concat(after).Select(q => q.SkillKey), ct);
        string Rubric(int? id) => id is { } i ? rubricNames.GetValueOrDefault(i, $"rubric {i}") : "none";
        string Levels(List<(Guid SkillKey, int RequiredLevel)> levels) => levels.Count == 0 ? "none" : string.Join(", ", levels
            .Select(q => $"{(skillNames.TryGetValue(q.SkillKey, out var n) ? n.Name : q.SkillKey.ToString("N"))} {q.RequiredLevel}")
            .Order(StringComparer.CurrentCulture));
        return $"Rubric {Rubric(rubricBefore)} → {Rubric(rubricAfter)}. Required levels were: {Levels(before)}. Now: {Levels(after)}.";
    }

    async Task<IReadOnlyList<RoleCard>> CardsAsync(int? errorRoleId, string? error, PendingChange? pending, CancellationToken ct)
    {
        var rubrics = await db.Rubrics.Where(r => r.CurrentVersionId != null).OrderBy(r => r.Name).Select(r => new { r.Id, r.Name, r.CurrentVersionId }).ToListAsync(ct);
        var roles = await db.JobRoles.Include(r => r.Requirements).OrderBy(r => r.Name).AsNoTracking().ToListAsync(ct);
        var versionIds = rubrics.Select(r => r.CurrentVersionId!.Value).ToList();
        var versions = await db.RubricVersions.Include(v => v.Levels).Include(v => v.Skills).Where(v => versionIds.Contains(v.Id)).AsNoTracking().ToListAsync(ct);
        return roles.Select(role =>
        {
            var version = versions.FirstOrDefault(v => v.Id == rubrics.FirstOrDefault(r => r.Id == role.DefaultRubricId)?.CurrentVersionId);
            var skills = version?.Skills.OrderBy(s => s.Order)
                .Select(s => new SkillRequirement(s.Key, s.Name, role.Requirements.FirstOrDefault(q => q.SkillKey == s.Key)?.RequiredLevel)).ToList() ?? [];
            return new RoleCard(role, rubrics.Select(r => (r.Id, r.Name)).ToList(), version, skills, role.Id == errorRoleId ? error : null)
            {
                Pending = role.Id == errorRoleId ? pending : null,
            };
        }).ToList();
    }

    /// <summary>A role's career path as HR edits it: the roles it leads to, the others it could, and the new-technology flag.</summary>
    public sealed record CareerPath(int RoleId, string RoleName, bool CreatedByNewTechnology, IReadOnlyList<(int Id, string Name)> LeadsTo, IReadOnlyList<(int Id, string Name)> Others);
    public IReadOnlyList<CareerPath> CareerPaths { get; private set; } = [];
    /// <summary>The key a career-path problem is filed under, so it shows beside that role's "leads to" field.</summary>
    public static string CareerField(int roleId) => $"Career{roleId}.NextRoleId";

    /// <summary>Adds a "leads to" link (reskilling plans offer these roles first); the role's own rule says when it cannot.</summary>
    public async Task<IActionResult> OnPostLeadsToAsync(int roleId, int? nextRoleId, CancellationToken ct)
    {
        var role = await db.JobRoles.Include(r => r.LeadsTo).SingleOrDefaultAsync(r => r.Id == roleId, ct);
        if (role is null) return NotFound();
        var next = nextRoleId is { } nid ? await db.JobRoles.SingleOrDefaultAsync(r => r.Id == nid, ct) : null;
        var problem = next is null ? "Choose the role it leads to." : role.WhyNotLeadTo(next);
        if (problem is not null)
        {
            ModelState.AddModelError(CareerField(roleId), problem);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await OnGetAsync(ct);
            return Page();
        }
        role.LeadsTo.Add(next!);
        audit.Record(User, "role.leads-to", role.Name, $"{role.Name} now leads to {next!.Name}.");
        await db.SaveChangesAsync(ct);
        TempData["Toast"] = $"{role.Name} leads to {next.Name}.";
        return Redirect($"/Rubrics/Roles#career-{roleId}");
    }

    public async Task<IActionResult> OnPostRemoveLeadsToAsync(int roleId, int nextRoleId, CancellationToken ct)
    {
        var role = await db.JobRoles.Include(r => r.LeadsTo).SingleOrDefaultAsync(r => r.Id == roleId, ct);
        var next = role?.LeadsTo.FirstOrDefault(r => r.Id == nextRoleId);
        if (role is null || next is null) return NotFound();
        role.LeadsTo.Remove(next);
        audit.Record(User, "role.leads-to.remove", role.Name, $"{role.Name} no longer leads to {next.Name}.");
        await db.SaveChangesAsync(ct);
        TempData["Toast"] = $"{role.Name} no longer leads to {next.Name}.";
        return Redirect($"/Rubrics/Roles#career-{roleId}");
    }

    /// <summary>Whether new technology created the role: moving into it is then newskilling rather than reskilling.</summary>
    public async Task<IActionResult> OnPostNewTechnologyAsync(int roleId, bool createdByNewTechnology, CancellationToken ct)
    {
        var role = await db.JobRoles.SingleOrDefaultAsync(r => r.Id == roleId, ct);
        if (role is null) return NotFound();
        if (role.CreatedByNewTechnology != createdByNewTechnology)
        {
            role.CreatedByNewTechnology = createdByNewTechnology;
            audit.Record(User, "role.new-technology", role.Name, createdByNewTechnology ? "Created by new technology: moving into it is newskilling." : "Not created by new technology: moving into it is reskilling.");
            await db.SaveChangesAsync(ct);
        }
        TempData["Toast"] = createdByNewTechnology ? $"{role.Name} is marked as created by new technology." : $"{role.Name} is no longer marked as created by new technology.";
        return Redirect($"/Rubrics/Roles#career-{roleId}");
    }

    async Task<IReadOnlyList<CareerPath>> CareerPathsAsync(CancellationToken ct)
    {
        var roles = await db.JobRoles.AsNoTracking().Include(r => r.LeadsTo).OrderBy(r => r.Name).ToListAsync(ct);
        return roles.Select(r => new CareerPath(r.Id, r.Name, r.CreatedByNewTechnology,
            r.LeadsTo.OrderBy(n => n.Name).Select(n => (n.Id, n.Name)).ToList(),
            roles.Where(o => o.Id != r.Id && r.LeadsTo.All(n => n.Id != o.Id)).Select(o => (o.Id, o.Name)).ToList())).ToList();
    }
}
