using Coaching.Web.Data;
using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Coaching.Tests.Foundation;

/// <summary>Each provider keeps its own migration set; a model change without a migration fails here.</summary>
public class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: run scripts/add-migration.sh");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void SqlServer_migrations_match_the_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQL Server migration: run scripts/add-migration.sh");
        Assert.Equal(
            new SqliteDesignTimeFactory().CreateDbContext([]).Database.GetMigrations().Select(Name),
            db.Database.GetMigrations().Select(Name));
    }

    [Fact]
    public void PostgreSql_migrations_match_the_model_and_keep_in_step_from_their_first()
    {
        using var db = new PostgreSqlDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: run scripts/add-migration.sh");
        // PostgreSQL's set began later with one Initial holding the whole model; every migration since is in all three.
        var postgres = db.Database.GetMigrations().ToList();
        var since = new SqliteDesignTimeFactory().CreateDbContext([]).Database.GetMigrations()
            .Where(id => string.CompareOrdinal(id, postgres[0]) > 0).Select(Name);
        Assert.Equal(since, postgres.Skip(1).Select(Name));
    }

    [Fact]
    public async Task PostgreSql_migrations_run_up_and_down_on_a_real_server()
    {
        using var database = TestDatabase.NewPostgreSql();
        await using var db = database.NewPostgreSqlContext();

        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Employees.CountAsync());
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM qrtz_locks").SingleAsync());

        await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("0");
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetPendingMigrationsAsync());
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    static string Name(string migrationId) => migrationId[(migrationId.IndexOf('_') + 1)..];
}
