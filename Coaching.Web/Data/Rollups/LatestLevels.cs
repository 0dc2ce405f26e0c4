using Coaching.Domain.Insights;
using Coaching.Domain.Observations;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Data.Rollups;

/// <summary>
/// Keeps <see cref="LatestLevel"/> rows equal to each person's latest submitted level per skill. A save that adds,
/// amends (its level, time, person or skill) or removes a submitted rating notes the person and skill
/// (<see cref="Noted"/>); after the save, in its transaction, each is found again from the ratings (one seek on the
/// ratings' employee × skill × time index: <see cref="ApplyAsync"/>). Writers that bypass change tracking (the bulk
/// generator) and a table found empty at start call <see cref="RebuildAsync"/>.
/// </summary>
public sealed class LatestLevels
{
    // The person and skill of each submitted rating before the save, and the ratings submitted after it.
    readonly List<(int EmployeeId, Guid SkillKey)> before = [];
    readonly List<Rating> after = [];

    public bool IsEmpty => before.Count == 0 && after.Count == 0;
    /// <summary>The people whose rows this save finds again: the caller locks them first (<see cref="RollupLocks"/>).</summary>
    public IEnumerable<int> Employees => before.Select(b => b.EmployeeId).Concat(after.Select(r => r.EmployeeId));

    /// <summary>What the pending changes do to the rows. Reads the change tracker as <see cref="RatingRollups.Noted"/> has just brought it up to date.</summary>
    public static LatestLevels Noted(CoachingDbContext db)
    {
        var noted = new LatestLevels();
        foreach (var entry in db.ChangeTracker.Entries<Rating>())
        {
            bool Was() => entry.OriginalValues.GetValue<bool>(nameof(Rating.IsSubmitted));
            (int, Guid) Before() => (entry.OriginalValues.GetValue<int>(nameof(Rating.EmployeeId)), entry.OriginalValues.GetValue<Guid>(nameof(Rating.SkillKey)));
            switch (entry.State)
            {
                case EntityState.Added when entry.Entity.IsSubmitted:
                    noted.after.Add(entry.Entity);
                    break;
                case EntityState.Deleted when Was():
                    noted.before.Add(Before());
                    break;
                case EntityState.Modified when Was() || entry.Entity.IsSubmitted:
                    // Evidence, or a draft's level: nothing the latest level depends on.
                    if (Was() && entry.Entity.IsSubmitted && !new[] { nameof(Rating.Level), nameof(Rating.ObservedAtUtc), nameof(Rating.EmployeeId), nameof(Rating.SkillKey) }
                            .Any(p => entry.Property(p).IsModified)) break;
                    if (Was()) noted.before.Add(Before());
                    if (entry.Entity.IsSubmitted) noted.after.Add(entry.Entity);
                    break;
            }
        }
        return noted;
    }

    /// <summary>Finds each noted person's latest level in each noted skill again, after the save and inside its transaction, their rows locked.</summary>
    public async Task ApplyAsync(CoachingDbContext db, CancellationToken ct)
    {
        foreach (var (employeeId, skillKey) in before.Concat(after.Select(r => (r.EmployeeId, r.SkillKey))).Distinct())
        {
            var latest = await db.Ratings.Where(r => r.EmployeeId == employeeId && r.SkillKey == skillKey && r.IsSubmitted && r.Level != null)
                .OrderByDescending(r => r.ObservedAtUtc).ThenByDescending(r => r.Id).Select(r => new { Level = r.Level!.Value, r.ObservedAtUtc }).FirstOrDefaultAsync(ct);
            var row = db.LatestLevels.Where(l => l.EmployeeId == employeeId && l.SkillKey == skillKey);
            if (latest is null)
            {
                await row.ExecuteDeleteAsync(ct);
                continue;
            }
            var updated = await row.ExecuteUpdateAsync(s => s.SetProperty(l => l.Level, latest.Level).SetProperty(l => l.ObservedAtUtc, latest.ObservedAtUtc), ct);
            if (updated == 0) await Writer(db).InsertAsync([[employeeId, skillKey, latest.Level, latest.ObservedAtUtc]], ct);
        }
    }

    /// <summary>
    /// Finds every row again from the submitted ratings, one batch of people at a time (memory stays at a batch's rows
    /// whatever the organisation's size): a table that is empty (the first start after the upgrade) or written around
    /// change tracking.
    /// </summary>
    public static async Task<int> RebuildAsync(CoachingDbContext db, CancellationToken ct)
    {
        return await RollupBackfill.EmptyAndCountAsync(db, db.LatestLevels, async () =>
        {
            var writer = Writer(db);
            var employeeIds = await db.Ratings.Where(r => r.IsSubmitted && r.Level != null).Select(r => r.EmployeeId).Distinct().OrderBy(id => id).ToListAsync(ct);
            var written = 0;
            foreach (var batch in employeeIds.Chunk(500))
            {
                var latest = new Dictionary<(int EmployeeId, Guid SkillKey), (DateTime At, int Id, int Level)>();
                var rated = db.Ratings.AsNoTracking().Where(r => r.IsSubmitted && r.Level != null && batch.Contains(r.EmployeeId))
                    .Select(r => new { r.EmployeeId, r.SkillKey, r.ObservedAtUtc, r.Id, Level = r.Level!.Value });
                await foreach (var r in rated.AsAsyncEnumerable().WithCancellation(ct))
                {
                    var key = (r.EmployeeId, r.SkillKey);
                    if (!latest.TryGetValue(key, out var known) || (r.ObservedAtUtc, r.Id).CompareTo((known.At, known.Id)) > 0)
                        latest[key] = (r.ObservedAtUtc, r.Id, r.Level);
                }
                written += await writer.InsertAsync(latest.Select(l => new object[] { l.Key.EmployeeId, l.Key.SkillKey, l.Value.Level, l.Value.At }), ct);
            }
            return written;
        }, ct);
    }

    static RowWriter<LatestLevel> Writer(CoachingDbContext db) =>
        new(db, nameof(LatestLevel.EmployeeId), nameof(LatestLevel.SkillKey), nameof(LatestLevel.Level), nameof(LatestLevel.ObservedAtUtc));
}
