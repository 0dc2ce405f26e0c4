using Microsoft.EntityFrameworkCore.Migrations;

namespace Coaching.Web.Data.Migrations.Quartz;

/// <summary>
/// Quartz.NET's job store tables (QRTZ_*), created by the WeeklySummaries migration of each provider. The scripts are
/// the schema Quartz 4.7.3 ships for itself (Apache-2.0), kept here so the database is whole after "migrate"
/// and Quartz only validates it at start. Statements are separated by a line reading "--;;".
/// </summary>
public static class QuartzTables
{
    public const string Prefix = "QRTZ_";

    public static void Create(MigrationBuilder migrationBuilder, string dialect)
    {
        using var stream = typeof(QuartzTables).Assembly.GetManifestResourceStream($"Coaching.Quartz.quartz-tables.{dialect}.sql")
            ?? throw new InvalidOperationException($"The Quartz schema for {dialect} is not embedded.");
        var script = new StreamReader(stream).ReadToEnd().Replace("\r\n", "\n");
        foreach (var statement in script.Split("\n--;;\n"))
        {
            var sql = string.Join('\n', statement.Split('\n').Where(l => !l.TrimStart().StartsWith("--"))).Trim();
            if (sql.Length > 0) migrationBuilder.Sql(sql.Replace("{0}", Prefix).Replace("{1}", Prefix));
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "FIRED_TRIGGERS", "PAUSED_TRIGGER_GRPS", "PAUSED_JOB_GRPS", "SCHEDULER_STATE", "LOCKS", "SIMPLE_TRIGGERS", "SIMPROP_TRIGGERS",
                     "CRON_TRIGGERS", "BLOB_TRIGGERS", "TRIGGERS", "JOB_DETAILS", "CALENDARS", "EXECUTION_HISTORY", "MISFIRE_HISTORY", "JOB_STATUS" })
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {Prefix}{table}");
    }
}
