using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coaching.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddObservationRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Observations_Status_ObservedAtUtc",
                table: "Observations");

            migrationBuilder.CreateTable(
                name: "ObservationRollups",
                columns: table => new
                {
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Observations = table.Column<int>(type: "integer", nullable: false),
                    LastObservedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservationRollups", x => new { x.EmployeeId, x.Month });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Observations_Status_ObservedAtUtc_EmployeeId",
                table: "Observations",
                columns: new[] { "Status", "ObservedAtUtc", "EmployeeId" });

            migrationBuilder.CreateIndex(
                name: "IX_ObservationRollups_Month_EmployeeId_Observations_LastObserv~",
                table: "ObservationRollups",
                columns: new[] { "Month", "EmployeeId", "Observations", "LastObservedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ObservationRollups");

            migrationBuilder.DropIndex(
                name: "IX_Observations_Status_ObservedAtUtc_EmployeeId",
                table: "Observations");

            migrationBuilder.CreateIndex(
                name: "IX_Observations_Status_ObservedAtUtc",
                table: "Observations",
                columns: new[] { "Status", "ObservedAtUtc" });
        }
    }
}
