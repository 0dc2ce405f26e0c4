using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coaching.Tests.Infrastructure;

/// <summary>
/// A database of a test's own, removed afterwards: a SQLite file (the default), or a new database on the PostgreSQL
/// server the test command starts (<c>scripts/test-postgres.sh</c>, named by COACHING_TEST_POSTGRES).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string ServerVariable = "COACHING_TEST_POSTGRES";

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    /// <summary>The SQLite file, for the tests that open it directly.</summary>
    public string? SqlitePath { get; }
    readonly string? postgresName;

    TestDatabase(DatabaseProvider provider, string connectionString, string? sqlitePath, string? postgresName) =>
        (Provider, ConnectionString, SqlitePath, this.postgresName) = (provider, connectionString, sqlitePath, postgresName);

    public static TestDatabase NewSqliteFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"coaching-tests-{Guid.NewGuid():N}.db");
        return new(DatabaseProvider.Sqlite, $"Data Source={path}", path, null);
    }

    /// <summary>An empty database on the test server; the app's migrations create its tables.</summary>
    public static TestDatabase NewPostgreSql()
    {
        var name = $"coaching_test_{Guid.NewGuid():N}";
        using (var server = new NpgsqlConnection(Server))
        {
            server.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", server);
            create.ExecuteNonQuery();
        }
        return new(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString, null, name);
    }

    /// <summary>A context on this PostgreSQL database from outside the app (the app's nodes run as processes of their own).</summary>
    public PostgreSqlCoachingDbContext NewPostgreSqlContext() => Provider == DatabaseProvider.PostgreSql
        ? new(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<PostgreSqlCoachingDbContext>().UseNpgsql(ConnectionString).Options)
        : throw new InvalidOperationException("This test database is not on PostgreSQL.");

    static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } s ? s
        : throw new InvalidOperationException(
            $"{ServerVariable} is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL server " +
            "(or start one with scripts/test-postgres.sh start and export what it prints).");

    public void Dispose()
    {
        if (SqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                try { File.Delete(SqlitePath + suffix); } catch (IOException) { }
        }
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var server = new NpgsqlConnection(Server);
            server.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", server);
            drop.ExecuteNonQuery();
        }
    }
}
