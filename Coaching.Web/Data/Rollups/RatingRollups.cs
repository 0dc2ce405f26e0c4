using Coaching.Domain.Insights;
using Coaching.Domain.Observations;
using Coaching.Domain.Organisation;
using Coaching.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Coaching.Web.Data.Rollups;

/// <summary>
/// Keeps <see cref="RatingRollup"/> rows equal to the submitted ratings they count. Every save that adds, amends or
/// removes a submitted rating, or moves an employee to another team, goes through <see cref="CoachingDbContext.SaveChangesAsync(bool, CancellationToken)"/>,
/// which notes the change before saving (<see cref="Noted"/>) and applies it after, in the same transaction
/// (<see cref="ApplyAsync"/>). Writers that bypass change tracking call <see cref="MoveTeamAsync"/> (a team merge) or
/// <see cref="RebuildAsync"/> (the bulk generator, an empty table at start).
/// </summary>
public sealed class RatingRollups
{
    // Ratings taken away, as they were stored before the save (their ids are real then).
    readonly List<(int EmployeeId, Guid SkillKey, DateTime ObservedAtUtc)> removed = [];
    // Ratings added or amended: read after the save, when new employees and ratings have their real ids.
    readonly List<Rating> added = [];
    // Employees moved to another team, with the team they were in.
    readonly List<(Employee Employee, int FromTeamId)> moved = [];
    // The team each tracked employee was in before the save.
    readonly Dictionary<int, int> teamBefore = [];

    public bool IsEmpty => removed.Count == 0 && added.Count == 0 && moved.Count == 0;

    /// <summary>What the pending changes of <paramref name="db"/> do to the rollups (nothing for drafts and every other entity).</summary>
    public static RatingRollups Noted(CoachingDbContext db)
    {
        var noted = new RatingRollups();
        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries<Rating>())
        {
            bool Was() => entry.OriginalValues.GetValue<bool>(nameof(Rating.IsSubmitted));
            switch (entry.State)
            {
                case EntityState.Added when entry.Entity.IsSubmitted:
                    noted.added.Add(entry.Entity);
                    break;
                case EntityState.Deleted when Was():
                    noted.removed.Add(Original(entry));
                    break;
                case EntityState.Modified when Was() || entry.Entity.IsSubmitted:
                    // An amendment that changes nothing a rollup counts (evidence, a draft's level) leaves them alone.
                    var before = Original(entry);
                    var after = (entry.Entity.EmployeeId, entry.Entity.SkillKey, entry.Entity.ObservedAtUtc);
                    if (Was() && entry.Entity.IsSubmitted && before == after) break;
                    if (Was()) noted.removed.Add(before);
                    if (entry.Entity.IsSubmitted) noted.added.Add(entry.Entity);
                    break;
            }
        }
        foreach (var entry in db.ChangeTracker.Entries<Employee>())
        {
            if (entry.State is not (EntityState.Modified or EntityState.Unchanged)) continue;
            var from = entry.OriginalValues.GetValue<int>(nameof(Employee.TeamId));
            noted.teamBefore[entry.Entity.Id] = from;
            if (entry.State == EntityState.Modified && from != entry.Entity.TeamId) noted.moved.Add((entry.Entity, from));
        }
        return noted;
    }

    static (int, Guid, DateTime) Original(EntityEntry<Rating> entry) => (
        entry.OriginalValues.GetValue<int>(nameof(Rating.EmployeeId)),
        entry.OriginalValues.GetValue<Guid>(nameof(Rating.SkillKey)),
        entry.OriginalValues.GetValue<DateTime>(nameof(Rating.ObservedAtUtc)));

    /// <summary>
    /// Applies what was noted, after the save and inside its transaction. Rating changes count against the team the
    /// employee was in before the save; a move then carries the employee's (now saved) ratings to the new team.
    /// </summary>
    public async Task ApplyAsync(CoachingDbContext db, TimeZoneInfo zone, CancellationToken ct)
    {
        var changes = new Changes(zone);
        var unknown = removed.Select(r => r.EmployeeId).Concat(added.Select(r => r.EmployeeId)).Distinct().Where(id => !teamBefore.ContainsKey(id)).ToList();
        // Employees not tracked (or added by this save) are in the same team as before it.
        var teams = new Dictionary<int, int>(teamBefore);
        foreach (var chunk in unknown.Chunk(500))
            foreach (var e in await db.Employees.AsNoTracking().Where(e => chunk.Contains(e.Id)).Select(e => new { e.Id, e.TeamId }).ToListAsync(ct))
                teams[e.Id] = e.TeamId;
        foreach (var (employee, skill, at) in removed)
            if (teams.TryGetValue(employee, out var team)) changes.Add(team, skill, at, -1);
        foreach (var r in added)
            if (teams.TryGetValue(r.EmployeeId, out var team)) changes.Add(team, r.SkillKey, r.ObservedAtUtc, +1);
        foreach (var (employee, from) in moved)
        {
            var id = employee.Id;
            await foreach (var r in db.Ratings.AsNoTracking().Where(r => r.EmployeeId == id && r.IsSubmitted).Select(r => new { r.SkillKey, r.ObservedAtUtc }).AsAsyncEnumerable().WithCancellation(ct))
            {
                changes.Add(from, r.SkillKey, r.ObservedAtUtc, -1);
                changes.Add(employee.TeamId, r.SkillKey, r.ObservedAtUtc, +1);
            }
        }
        await changes.WriteAsync(db, ct);
    }

    /// <summary>
    /// Everyone of team <paramref name="fromTeamId"/> was moved into <paramref name="intoTeamId"/> without change
    /// tracking (a team merge): the team's counts move with them. Call it in the same transaction as the move.
    /// </summary>
    public static async Task MoveTeamAsync(CoachingDbContext db, int fromTeamId, int intoTeamId, CancellationToken ct)
    {
        var rows = await db.RatingRollups.AsNoTracking().Where(r => r.TeamId == fromTeamId).ToListAsync(ct);
        var changes = new Changes(TimeZoneInfo.Utc);
        foreach (var r in rows)
        {
            changes.Add(new(r.Span, r.Start, fromTeamId, r.SkillKey), -r.Ratings);
            changes.Add(new(r.Span, r.Start, intoTeamId, r.SkillKey), r.Ratings);
        }
        await changes.WriteAsync(db, ct);
    }

    /// <summary>
    /// Recounts every row from the submitted ratings, one team at a time (memory stays at one team's rows whatever the
    /// organisation's size). For a table that is empty or out of step: the first start after the upgrade, rows written in
    /// bulk around change tracking, or a changed organisation time zone (the days are local days).
    /// </summary>
    public static async Task<int> RebuildAsync(CoachingDbContext db, TimeZoneInfo zone, CancellationToken ct)
    {
        return await RollupBackfill.EmptyAndCountAsync(db, db.RatingRollups, async () =>
        {
            var writer = Writer(db);
            var teamIds = await db.Employees.Select(e => e.TeamId).Distinct().OrderBy(t => t).ToListAsync(ct);
            var written = 0;
            foreach (var teamId in teamIds)
            {
                var changes = new Changes(zone);
                var ratings = from r in db.Ratings.AsNoTracking()
                    join e in db.Employees on r.EmployeeId equals e.Id
                    where e.TeamId == teamId && r.IsSubmitted
                    select new { r.SkillKey, r.ObservedAtUtc };
                await foreach (var r in ratings.AsAsyncEnumerable().WithCancellation(ct)) changes.Add(teamId, r.SkillKey, r.ObservedAtUtc, +1);
                written += await writer.InsertAsync(Values(changes.Rows()), ct);
            }
            return written;
        }, ct);
    }

    public readonly record struct Key(RollupSpan Span, DateOnly Start, int TeamId, Guid SkillKey);

    /// <summary>Count changes per row: each rating counts in its day's row and its month's row.</summary>
    sealed class Changes(TimeZoneInfo zone)
    {
        readonly Dictionary<Key, int> counts = [];

        public void Add(int teamId, Guid skill, DateTime observedAtUtc, int change)
        {
            var day = OrganisationClock.Today(observedAtUtc, zone);
            Add(new(RollupSpan.Day, day, teamId, skill), change);
            Add(new(RollupSpan.Month, RollupRanges.MonthOf(day), teamId, skill), change);
        }

        public void Add(Key key, int change) => counts[key] = counts.GetValueOrDefault(key) + change;

        public IEnumerable<RatingRollup> Rows() => counts.Where(c => c.Value != 0)
            .Select(c => new RatingRollup { Span = c.Key.Span, Start = c.Key.Start, TeamId = c.Key.TeamId, SkillKey = c.Key.SkillKey, Ratings = c.Value });

        /// <summary>
        /// Adds the changes to the stored counts: an increment in the database for rows that exist (so two saves at
        /// once both count), an insert for the rest. Rows that drop to zero stay (a later rating reuses them); readers skip zeros.
        /// </summary>
        public async Task WriteAsync(CoachingDbContext db, CancellationToken ct)
        {
            var changed = counts.Where(c => c.Value != 0).ToList();
            if (changed.Count == 0) return;
            var existing = new HashSet<Key>();
            var teamIds = changed.Select(c => c.Key.TeamId).Distinct().ToList();
            await RollupLocks.TakeAsync(db, RollupLocks.Teams, teamIds, ct); // before reading which rows exist
            var starts = changed.Select(c => c.Key.Start).Distinct().ToList();
            foreach (var chunk in starts.Chunk(300))
                foreach (var r in await db.RatingRollups.AsNoTracking().Where(r => teamIds.Contains(r.TeamId) && chunk.Contains(r.Start))
                             .Select(r => new { r.Span, r.Start, r.TeamId, r.SkillKey }).ToListAsync(ct))
                    existing.Add(new(r.Span, r.Start, r.TeamId, r.SkillKey));
            var inserts = new List<RatingRollup>();
            foreach (var (key, change) in changed)
            {
                if (!existing.Contains(key))
                {
                    inserts.Add(new RatingRollup { Span = key.Span, Start = key.Start, TeamId = key.TeamId, SkillKey = key.SkillKey, Ratings = change });
                    continue;
                }
                await db.RatingRollups.Where(r => r.Span == key.Span && r.Start == key.Start && r.TeamId == key.TeamId && r.SkillKey == key.SkillKey)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Ratings, r => r.Ratings + change), ct);
            }
            await Writer(db).InsertAsync(Values(inserts), ct);
        }
    }

    static RowWriter<RatingRollup> Writer(CoachingDbContext db) =>
        new(db, nameof(RatingRollup.Span), nameof(RatingRollup.Start), nameof(RatingRollup.TeamId), nameof(RatingRollup.SkillKey), nameof(RatingRollup.Ratings));

    static IEnumerable<object[]> Values(IEnumerable<RatingRollup> rows) => rows.Select(r => new object[] { r.Span, r.Start, r.TeamId, r.SkillKey, r.Ratings });
}
