using Coaching.Domain.Rubrics;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Coaching.Web.Features.Rubrics;

/// <summary>
/// Rubric versions with their levels, categories, skills and descriptors. Published versions never change, so
/// they are cached; drafts are always read fresh. Callers must not modify what they get. Also the one answer to
/// "which version does this role observe against now".
/// </summary>
public sealed class PublishedRubrics(CoachingDbContext db, IMemoryCache cache)
{
    /// <summary>The current published version of the role's default rubric (null: no rubric, or never published).</summary>
    public Task<int?> CurrentVersionIdOfRoleAsync(int jobRoleId, CancellationToken ct) =>
        db.JobRoles.Where(r => r.Id == jobRoleId)
            .Select(r => db.Rubrics.Where(x => x.Id == r.DefaultRubricId).Select(x => x.CurrentVersionId).FirstOrDefault())
            .FirstOrDefaultAsync(ct);

    /// <summary>The current published version of a rubric (null: never published).</summary>
    public Task<int?> CurrentVersionIdAsync(int rubricId, CancellationToken ct) =>
        db.Rubrics.Where(r => r.Id == rubricId).Select(r => r.CurrentVersionId).SingleOrDefaultAsync(ct);

    public async Task<RubricVersion?> CurrentOfRoleAsync(int jobRoleId, CancellationToken ct) =>
        await CurrentVersionIdOfRoleAsync(jobRoleId, ct) is { } id ? await FindAsync(id, ct) : null;

    public async Task<RubricVersion?> FindAsync(int versionId, CancellationToken ct)
    {
        if (cache.TryGetValue(("rubric-version", versionId), out RubricVersion? cached)) return cached;
        var version = await db.RubricVersions.AsNoTracking().Include(v => v.Rubric).Include(v => v.Levels).Include(v => v.Categories)
            .Include(v => v.Skills).ThenInclude(s => s.Descriptors).AsSplitQuery().SingleOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is { Status: not RubricVersionStatus.Draft })
            cache.Set(("rubric-version", versionId), version, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1), Size = 1 });
        return version;
    }
}
