using Coaching.Domain.Insights;
using Coaching.Domain.Observations;
using Coaching.Domain.Time;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Data.Rollups;

/// <summary>
/// Keeps <see cref="ObservationRollup"/> rows equal to the submitted observations they count. A save that submits an
/// observation, moves a submitted one to another time (an amendment) or removes one notes the employee's months it
/// touches (<see cref="Noted"/>); after the save, in its transaction, each such month is counted again from the
/// observations (<see cref="ApplyAsync"/>: one seek on the employee's index per month). Writers that bypass change
/// tracking (the bulk generator) and a table found empty at start call <see cref="RebuildAsync"/>.
/// </summary>
public sealed class ObservationRollups
{
    // The employee and time of each submitted observation before the save, and the observations submitted after it
    // (read after the save, when a new employee has its real id): their months are counted again.
    readonly List<(int EmployeeId, DateTime ObservedAtUtc)> before = [];
    readonly List<Observation> after = [];

    public bool IsEmpty => before.Count == 0 && after.Count == 0;
    /// <summary>The people whose rows this save counts again: the caller locks them first (<see cref="RollupLocks"/>).</summary>
    public IEnumerable<int> Employees => before.Select(b => b.EmployeeId).Concat(after.Select(o => o.EmployeeId));

    /// <summary>
    /// What the pending changes of <paramref name="db"/> do to the rollups: nothing for drafts, an autosave or any other
    /// entity. Reads the change tracker as <see cref="RatingRollups.Noted"/> has just brought it up to date.
    /// </summary>
    public static ObservationRollups Noted(CoachingDbContext db)
    {
        var noted = new ObservationRollups();
        foreach (var entry in db.ChangeTracker.Entries<Observation>())
        {
            bool WasSubmitted() => entry.OriginalValues.GetValue<ObservationStatus>(nameof(Observation.Status)) == ObservationStatus.Submitted;
            (int, DateTime) Before() => (entry.OriginalValues.GetValue<int>(nameof(Observation.EmployeeId)), entry.OriginalValues.GetValue<DateTime>(nameof(Observation.ObservedAtUtc)));
            var isSubmitted = entry.Entity.Status == ObservationStatus.Submitted;
            switch (entry.State)
            {
                case EntityState.Added when isSubmitted:
                    noted.after.Add(entry.Entity);
                    break;
                case EntityState.Deleted when WasSubmitted():
                    noted.before.Add(Before());
                    break;
                case EntityState.Modified:
                    var was = WasSubmitted();
                    // A draft's autosave, or an amendment of what was said but not when: nothing a rollup counts.
                    if (was == isSubmitted && (!was || Before() == (entry.Entity.EmployeeId, entry.Entity.ObservedAtUtc))) break;
                    if (was) noted.before.Add(Before());
                    if (isSubmitted) noted.after.Add(entry.Entity);
                    break;
            }
        }
        return noted;
    }

    /// <summary>Counts each noted employee's month again, after the save and inside its transaction, their rows locked.</summary>
    public async Task ApplyAsync(CoachingDbContext db, TimeZoneInfo zone, CancellationToken ct)
    {
        var touched = before.Concat(after.Select(o => (o.EmployeeId, o.ObservedAtUtc)));
        foreach (var (employeeId, month) in touched.Select(t => (t.Item1, RollupRanges.MonthOf(OrganisationClock.Today(t.Item2, zone)))).Distinct())
        {
            var (from, to) = (OrganisationClock.StartOfDayUtc(month, zone), OrganisationClock.StartOfDayUtc(month.AddMonths(1), zone));
            var counted = await db.Observations.Where(o => o.EmployeeId == employeeId && o.Status == ObservationStatus.Submitted && o.ObservedAtUtc >= from && o.ObservedAtUtc < to)
                .GroupBy(o => o.EmployeeId).Select(g => new { Count = g.Count(), Last = g.Max(o => o.ObservedAtUtc) }).FirstOrDefaultAsync(ct);
            var row = db.ObservationRollups.Where(r => r.EmployeeId == employeeId && r.Month == month);
            if (counted is null)
            {
                await row.ExecuteDeleteAsync(ct);
                continue;
            }
            var updated = await row.ExecuteUpdateAsync(s => s.SetProperty(r => r.Observations, counted.Count).SetProperty(r => r.LastObservedAtUtc, counted.Last), ct);
            if (updated == 0) await Writer(db).InsertAsync([[employeeId, month, counted.Count, counted.Last]], ct);
        }
    }

    /// <summary>
    /// Counts every row again from the submitted observations, one batch of employees at a time (memory stays at a
    /// batch's rows whatever the organisation's size): a table that is empty or out of step (the first start after the
    /// upgrade, rows written around change tracking, a changed organisation time zone: the months are local months).
    /// </summary>
    public static async Task<int> RebuildAsync(CoachingDbContext db, TimeZoneInfo zone, CancellationToken ct)
    {
        return await RollupBackfill.EmptyAndCountAsync(db, db.ObservationRollups, async () =>
        {
            var writer = Writer(db);
            var employeeIds = await db.Observations.Where(o => o.Status == ObservationStatus.Submitted).Select(o => o.EmployeeId).Distinct().OrderBy(id => id).ToListAsync(ct);
            var written = 0;
            foreach (var batch in employeeIds.Chunk(500))
            {
                var months = new Dictionary<(int EmployeeId, DateOnly Month), (int Count, DateTime Last)>();
                var observed = db.Observations.AsNoTracking().Where(o => o.Status == ObservationStatus.Submitted && batch.Contains(o.EmployeeId)).Select(o => new { o.EmployeeId, o.ObservedAtUtc });
                await foreach (var o in observed.AsAsyncEnumerable().WithCancellation(ct))
                {
                    var key = (o.EmployeeId, RollupRanges.MonthOf(OrganisationClock.Today(o.ObservedAtUtc, zone)));
                    var (count, last) = months.GetValueOrDefault(key);
                    months[key] = (count + 1, o.ObservedAtUtc > last ? o.ObservedAtUtc : last);
                }
                written += await writer.InsertAsync(months.Select(m => new object[] { m.Key.EmployeeId, m.Key.Month, m.Value.Count, m.Value.Last }), ct);
            }
            return written;
        }, ct);
    }

    static RowWriter<ObservationRollup> Writer(CoachingDbContext db) =>
        new(db, nameof(ObservationRollup.EmployeeId), nameof(ObservationRollup.Month), nameof(ObservationRollup.Observations), nameof(ObservationRollup.LastObservedAtUtc));
}
