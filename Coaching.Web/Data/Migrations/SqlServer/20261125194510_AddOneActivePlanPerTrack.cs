using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coaching.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddOneActivePlanPerTrack : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentPlans_OneActivePerTrack",
                table: "DevelopmentPlans",
                columns: new[] { "EmployeeId", "Track" },
                unique: true,
                filter: "[Status] = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DevelopmentPlans_OneActivePerTrack",
                table: "DevelopmentPlans");
        }
    }
}
