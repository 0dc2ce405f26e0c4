using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coaching.Web.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode (set once at start), synchronous=NORMAL syncs at checkpoints instead of
/// on every commit: still safe from corruption and from an app crash, and it makes each autosave several times cheaper.
/// </summary>
sealed class SqlitePragmas : DbConnectionInterceptor
{
    const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

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
