using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coaching.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WeeklySummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The Quartz job store for the weekly summary job lives in the app's own database.
            Quartz.QuartzTables.Create(migrationBuilder, "sqlite");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Quartz.QuartzTables.Drop(migrationBuilder);
        }
    }
}
