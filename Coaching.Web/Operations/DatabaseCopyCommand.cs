using System.CommandLine;
using System.Diagnostics;
using System.Linq.Expressions;
using Coaching.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Coaching.Web.Operations;

/// <summary>
/// <c>database copy --from path/to/coaching.db</c>: moves an organisation that began on the embedded SQLite file to the
/// PostgreSQL database this app is configured for (Database:Provider=PostgreSql), every table of the model, with
/// PostgreSQL's binary COPY. The target is migrated first and must hold no people or accounts yet; the source is only read.
/// Quartz's tables are not copied: each node writes its schedule at start.
/// </summary>
public sealed class DatabaseCopyCommand(CoachingDbContext target) : Operation
{
    public static Command Command(IServiceProvider services)
    {
        var from = new Option<FileInfo>("--from") { Description = "The SQLite database file to copy from", Required = true };
        from.Validators.Add(r => { if (r.GetValueOrDefault<FileInfo>() is { Exists: false } f) r.AddError($"The option --from names no file: {f.FullName}"); });
        return OperatorCommandLine.Verb<DatabaseCopyCommand>(services, "copy", "Copy every table of a SQLite database into the configured PostgreSQL database (which must be empty).",
            developmentOnly: false, [from], (c, p, ct) => c.RunAsync(p.GetRequiredValue(from).FullName, ct));
    }

    public async Task<int> RunAsync(string sqlitePath, CancellationToken ct)
    {
        if (target is not PostgreSqlCoachingDbContext)
        {
            Error.WriteLine("database copy writes to PostgreSQL: set Database__Provider=PostgreSql and ConnectionStrings__Coaching to the target database.");
            return 1;
        }
        await target.Database.MigrateAsync(ct);
        if (await target.Employees.AnyAsync(ct) || await target.Users.AnyAsync(ct))
        {
            Error.WriteLine("The target database already holds people or accounts; copy into an empty database (nothing was changed).");
            return 1;
        }
        await using var source = new SqliteCoachingDbContext(new DbContextOptionsBuilder<SqliteCoachingDbContext>()
            .UseSqlite(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = sqlitePath, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly }.ToString()).Options);
        if ((await source.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            Error.WriteLine($"{sqlitePath} is not at this version's schema: start this version of the app on it once (it migrates), then copy.");
            return 1;
        }

        var watch = Stopwatch.StartNew();
        var tables = target.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).ToList();
        var connection = (NpgsqlConnection)target.Database.GetDbConnection();
        await target.Database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Rows go in table by table, so foreign keys (Rubrics and their versions point at each other) are checked at the end
        // of the copy, not row by row: replica mode skips the checks, and the source already held them.
        await ExecuteAsync(connection, "SET LOCAL session_replication_role = replica", ct);
        // The app's start added its roles (and perhaps a key ring): the source's own replace them.
        await ExecuteAsync(connection, $"TRUNCATE {string.Join(", ", tables.Select(t => Quote(t.GetTableName()!)))}", ct);
        var total = 0L;
        foreach (var table in tables)
        {
            var rows = await CopyTableAsync(source, table, connection, ct);
            total += rows;
            Out.WriteLine($"  {table.GetTableName(),-28} {rows,12:N0} rows ({watch.Elapsed.TotalSeconds:F1} s)");
        }
        // Identity columns continue after the copied ids.
        foreach (var table in tables)
            if (table.FindPrimaryKey()?.Properties is [var key] && key.ValueGenerated == ValueGenerated.OnAdd && (key.ClrType == typeof(int) || key.ClrType == typeof(long)))
                await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('{Quote(table.GetTableName()!)}', '{key.GetColumnName()}'), " +
                        $"GREATEST(COALESCE(MAX({Quote(key.GetColumnName())}), 0), 1), MAX({Quote(key.GetColumnName())}) IS NOT NULL) FROM {Quote(table.GetTableName()!)}", ct);
        await transaction.CommitAsync(ct);
        await ExecuteAsync(connection, "ANALYZE", ct);
        Out.WriteLine($"Copied {tables.Count} tables, {total:N0} rows, from {sqlitePath} in {watch.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    /// <summary>Reads the rows through EF (so every value, shadow keys included, arrives as its CLR type) and writes them with COPY.</summary>
    static async Task<long> CopyTableAsync(SqliteCoachingDbContext source, IEntityType table, NpgsqlConnection target, CancellationToken ct)
    {
        var properties = table.GetProperties().Where(p => p.GetColumnName() is not null).ToList();
        var sourceType = source.Model.FindEntityType(table.Name)!;
        var columns = string.Join(", ", properties.Select(p => Quote(p.GetColumnName())));
        await using var writer = await target.BeginBinaryImportAsync($"COPY {Quote(table.GetTableName()!)} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        var rows = 0L;
        await foreach (var values in Rows(source, sourceType, properties.Select(p => sourceType.FindProperty(p.Name)!).ToList()).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < properties.Count; i++)
            {
                var mapping = properties[i].GetRelationalTypeMapping();
                var value = values[i] is { } v && mapping.Converter is { } converter ? converter.ConvertToProvider(v) : values[i];
                if (value is null) await writer.WriteNullAsync(ct);
                else await writer.WriteAsync(value, mapping.StoreType, ct);
            }
            rows++;
        }
        await writer.CompleteAsync(ct);
        return rows;
    }

    static readonly System.Reflection.MethodInfo Property = typeof(EF).GetMethod(nameof(EF.Property))!;
    static readonly System.Reflection.MethodInfo Set = typeof(DbContext).GetMethods().Single(m => m.Name == nameof(DbContext.Set) && m.GetParameters().Length == 0);
    static readonly System.Reflection.MethodInfo SharedSet = typeof(DbContext).GetMethods().Single(m => m.Name == nameof(DbContext.Set) && m.GetParameters().Length == 1);

    /// <summary><c>source.Set&lt;T&gt;().AsNoTracking().Select(e => new object[] { EF.Property&lt;X&gt;(e, "A"), … })</c> for an entity type known at run time.</summary>
    static IQueryable<object?[]> Rows(DbContext source, IEntityType type, IReadOnlyList<IProperty> properties)
    {
        // A join table of a many-to-many is a shared-type entity (a property bag), reached by its name.
        var set = (IQueryable)(type.HasSharedClrType
            ? SharedSet.MakeGenericMethod(type.ClrType).Invoke(source, [type.Name])
            : Set.MakeGenericMethod(type.ClrType).Invoke(source, null))!;
        var row = Expression.Parameter(type.ClrType, "row");
        var values = Expression.NewArrayInit(typeof(object), properties.Select(p =>
            Expression.Convert(Expression.Call(Property.MakeGenericMethod(p.ClrType), row, Expression.Constant(p.Name)), typeof(object))));
        var select = Expression.Lambda(values, row);
        var noTracking = Expression.Call(typeof(EntityFrameworkQueryableExtensions), nameof(EntityFrameworkQueryableExtensions.AsNoTracking), [type.ClrType], set.Expression);
        return set.Provider.CreateQuery<object?[]>(Expression.Call(typeof(Queryable), nameof(Queryable.Select), [type.ClrType, typeof(object[])], noTracking, select));
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    static string Quote(string name) => $"\"{name.Replace("\"", "\"\"")}\"";
}
