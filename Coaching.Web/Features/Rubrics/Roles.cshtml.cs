using Coaching.Domain.Organisation;
using Coaching.Domain.Rubrics;
using Coaching.Web.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Rubrics;

/// <summary>Each job role's default rubric and the level it requires per skill (what skill gaps are measured against).</summary>
public class RolesModel(CoachingDbContext db) : PageModel
{
    public sealed record SkillRequirement(Guid Key, string Name, int? Required);
    public sealed record RoleCard(JobRole Role, IReadOnlyList<(int Id, string Name)> Rubrics, RubricVersion? Version, IReadOnlyList<SkillRequirement> Skills, string? Error);
    public IReadOnlyList<RoleCard> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Roles = await CardsAsync(null, null, ct);

    public async Task<IActionResult> OnPostAsync(int roleId, int? rubricId, Dictionary<Guid, int?> required, CancellationToken ct)
    {
        var role = await db.JobRoles.Include(r => r.Requirements).SingleOrDefaultAsync(r => r.Id == roleId, ct);
        if (role is null) return NotFound();
        string? error = null;
        RubricVersion? version = null;
        if (rubricId is { } rid)
        {
            var currentId = await db.Rubrics.Where(r => r.Id == rid).Select(r => r.CurrentVersionId).SingleOrDefaultAsync(ct);
            if (currentId is null) error = "Choose a published rubric.";
            else version = await db.RubricVersions.Include(v => v.Levels).Include(v => v.Skills).SingleAsync(v => v.Id == currentId, ct);
        }
        var changedRubric = rubricId != role.DefaultRubricId;
        if (error is null && version is not null && !changedRubric)
        {
            var keys = version.Skills.Select(s => s.Key).ToHashSet();
            foreach (var (key, level) in required)
            {
                if (!keys.Contains(key)) { error = "A required level was sent for a skill that is not in this rubric. Reload the page."; break; }
                if (level is { } l && (l < version.MinLevel || l > version.MaxLevel)) { error = $"Required levels are from {version.MinLevel} to {version.MaxLevel}."; break; }
            }
        }
        if (error is null)
        {
            role.DefaultRubricId = rubricId;
            if (!changedRubric && version is not null)
            {
                foreach (var (key, level) in required)
                {
                    var existing = role.Requirements.FirstOrDefault(q => q.SkillKey == key);
                    if (level is null) { if (existing is not null) role.Requirements.Remove(existing); }
                    else if (existing is null) role.Requirements.Add(new RoleRequirement { SkillKey = key, RequiredLevel = level.Value });
                    else existing.RequiredLevel = level.Value;
                }
            }
            await db.SaveChangesAsync(ct);
            Response.Toast($"{role.Name} saved.");
        }
        else Response.StatusCode = StatusCodes.Status422UnprocessableEntity;

        if (!Request.IsHtmxNonBoosted())
        {
            if (error is null) return RedirectToPage();
            Roles = await CardsAsync(roleId, error, ct);
            return Page();
        }
        return Partial("_RoleCard", (await CardsAsync(roleId, error, ct)).Single(c => c.Role.Id == roleId));
    }

    async Task<IReadOnlyList<RoleCard>> CardsAsync(int? errorRoleId, string? error, CancellationToken ct)
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
            return new RoleCard(role, rubrics.Select(r => (r.Id, r.Name)).ToList(), version, skills, role.Id == errorRoleId ? error : null);
        }).ToList();
    }
}
