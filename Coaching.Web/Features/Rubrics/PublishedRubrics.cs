using Coaching.Domain.Observations;
using Coaching.Domain.Rubrics;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Coaching.Web.Features.Rubrics;

/// <summary>
/// Rubric versions with their levels, categories, skills and descriptors. Published versions never change, so
/// they are cached; drafts are always read fresh. Callers must not modify what they get. Also the one answer to
/// "which version does this role observe against now", "what is this skill called" and "what is this level called".
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

    /// <summary>The version an observation is rated against: it always exists (a version in use is never removed).</summary>
    public async Task<RubricVersion> OfObservationAsync(Observation observation, CancellationToken ct) =>
        await FindAsync(observation.RubricVersionId, ct) ?? throw new InvalidOperationException($"Rubric version {observation.RubricVersionId} is missing");

    /// <summary>A skill as named now: its name and place in the newest version that has it.</summary>
    public sealed record SkillName(string Name, int Order);

    /// <summary>
    /// Skill names by stable key, from the newest published version that has the skill (a draft only when no published
    /// version has it), so a renamed skill shows its current name on every page and in every summary.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, SkillName>> SkillNamesAsync(IEnumerable<Guid> keys, CancellationToken ct)
    {
        var wanted = keys.Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<Guid, SkillName>();
        var rows = await (from s in db.Skills.AsNoTracking()
                          join v in db.RubricVersions on s.RubricVersionId equals v.Id
                          where wanted.Contains(s.Key)
                          select new { s.Key, s.Name, s.Order, VersionId = v.Id, IsDraft = v.Status == RubricVersionStatus.Draft })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Key).ToDictionary(g => g.Key,
            g => g.OrderBy(r => r.IsDraft).ThenByDescending(r => r.VersionId).Select(r => new SkillName(r.Name, r.Order)).First());
    }

    /// <summary>
    /// Level names by rubric version and value. A rating is named by the version it was made against: a level renamed
    /// in a later version does not rename what was said about someone before.
    /// </summary>
    public async Task<IReadOnlyDictionary<(int VersionId, int Value), string>> LevelNamesAsync(IEnumerable<int> versionIds, CancellationToken ct)
    {
        var wanted = versionIds.Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<(int, int), string>();
        return (await db.RubricLevels.AsNoTracking().Where(l => wanted.Contains(l.RubricVersionId))
                .Select(l => new { l.RubricVersionId, l.Value, l.Name }).ToListAsync(ct))
            .ToDictionary(l => (l.RubricVersionId, l.Value), l => l.Name);
    }
}
