using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Coaching.Web.Data;

/// <summary>
/// Inserts rows of one entity with one prepared single-row INSERT, outside change tracking (for the rollups, written
/// while the save that called them is still being made), in the context's transaction. Names and parameter types come
/// from the model, so it is the same statement on every provider; each value goes through its property's mapping as a
/// tracked save's would (an enum as a number, a Guid and a date as SQLite's text).
/// </summary>
sealed class RowWriter<T>
{
    readonly CoachingDbContext db;
    readonly string insert;
    readonly RelationalTypeMapping[] mappings;

    public RowWriter(CoachingDbContext db, params string[] properties)
    {
        this.db = db;
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var mapped = properties.Select(name => entity.FindProperty(name)!).ToArray();
        mappings = [.. mapped.Select(p => (RelationalTypeMapping)p.GetTypeMapping())];
        insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", mapped.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
                 $"VALUES ({string.Join(", ", mapped.Select((_, i) => sql.GenerateParameterNamePlaceholder($"p{i}")))})";
    }

    /// <summary>Inserts each row's values, in the order of the properties named at construction.</summary>
    public async Task<int> InsertAsync(IEnumerable<object[]> rows, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = insert;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var written = 0;
            foreach (var fields in rows)
            {
                command.Parameters.Clear();
                for (var i = 0; i < fields.Length; i++) command.Parameters.Add(mappings[i].CreateParameter(command, $"p{i}", fields[i], nullable: false));
                written += await command.ExecuteNonQueryAsync(ct);
            }
            return written;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
