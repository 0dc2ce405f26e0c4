using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Data.Rollups;

/// <summary>
/// On a server database several nodes save at once. Two saves that count into the same rollup rows would each read the
/// rows (or the observations) without the other's uncommitted change: the second insert of a new row then fails on its
/// key, and a recount or increment made beside the other's leaves one of them out. So a rollup write first takes a lock
/// held to the end of its transaction on what it counts (<see cref="Teams"/>' rating rows, <see cref="Employees"/>'
/// observation rows), always teams before employees and in ascending id, so two saves never wait on each other in a
/// circle. The second save waits for the first to commit, then reads its rows. SQLite already lets one writer at a time
/// in (<see cref="SqliteWriteGate"/>): nothing to take there.
/// </summary>
static class RollupLocks
{
    public const int Teams = 1, Employees = 2;

    /// <summary>Locks, inside the caller's transaction, the rollup rows of each of <paramref name="ids"/> of the <paramref name="kind"/>.</summary>
    public static async Task TakeAsync(CoachingDbContext db, int kind, IEnumerable<int> ids, CancellationToken ct)
    {
        if (db.Database.IsSqlite()) return;
        foreach (var id in ids.Distinct().Order())
        {
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({kind}, {id})", ct);
            else if (db.Database.IsSqlServer())
            {
                var resource = $"coaching-rollup-{kind}-{id}";
                // sp_getapplock answers a timeout or a deadlock with a negative status, not an error: make it one.
                await db.Database.ExecuteSqlAsync($"""
                    DECLARE @status int;
                    EXEC @status = sp_getapplock @Resource = {resource}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000;
                    IF @status < 0 THROW 51000, 'The insights rollups stayed locked by another save.', 1;
                    """, ct);
            }
        }
    }
}
