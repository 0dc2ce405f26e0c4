using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coaching.Web.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode (set once at start), synchronous=NORMAL syncs at checkpoints instead of
/// on every commit: still safe from corruption and from an app crash, and it makes each autosave several times cheaper.
/// </summary>
sealed class SqlitePragmas : DbConnectionInterceptor
{
    // busy_timeout: SQLite itself waits for the write lock in small steps, rather than the driver retrying in coarse sleeps.
    const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
