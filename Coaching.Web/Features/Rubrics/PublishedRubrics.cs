using Coaching.Domain.Rubrics;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Coaching.Web.Features.Rubrics;

/// <summary>
/// Rubric versions with their levels, categories, skills and descriptors. Published versions never change, so
/// they are cached; drafts are always read fresh. Callers must not modify what they get.
/// </summary>
public sealed class PublishedRubrics(CoachingDbContext db, IMemoryCache cache)
{
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
