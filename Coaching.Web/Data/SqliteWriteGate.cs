using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Coaching.Web.Data;

/// <summary>
/// SQLite lets one connection write at a time. A writer that finds the lock taken waits in SQLite's busy handler,
/// which sleeps 1, 2, 5, 10, 15, 20, 25… ms between tries: with many managers autosaving at once, most of an
/// autosave's time was spent asleep while the lock was free (a p99 of 74 ms, the CPU half idle). Writers that go
/// through this gate queue in the process instead and each starts the moment the previous one commits. It is per
/// database file; on SQL Server and PostgreSQL (row locks, several nodes) it does nothing.
/// </summary>
public static class SqliteWriteGate
{
    static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for this database's turn to write; dispose the answer once the write is committed or abandoned.</summary>
    public static async Task<IDisposable> EnterAsync(DatabaseFacade database, CancellationToken ct)
    {
        if (!database.IsSqlite()) return Turn.None;
        var gate = Gates.GetOrAdd(database.GetDbConnection().DataSource, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Turn(gate);
    }

    sealed class Turn(SemaphoreSlim? gate) : IDisposable
    {
        public static readonly Turn None = new(null);
        SemaphoreSlim? held = gate;

        public void Dispose() => Interlocked.Exchange(ref held, null)?.Release();
    }
}
