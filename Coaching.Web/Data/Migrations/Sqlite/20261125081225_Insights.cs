using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coaching.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Insights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ratings_EmployeeId_SkillKey_ObservedAtUtc",
                table: "Ratings");

            migrationBuilder.DropIndex(
                name: "IX_Ratings_IsSubmitted_ObservedAtUtc_SkillKey_EmployeeId_Level",
                table: "Ratings");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_EmployeeId_SkillKey_ObservedAtUtc_IsSubmitted_Level",
                table: "Ratings",
                columns: new[] { "EmployeeId", "SkillKey", "ObservedAtUtc", "IsSubmitted", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_ObserverUserId_SkillKey_Level_ObservedAtUtc_IsSubmitted",
                table: "Ratings",
                columns: new[] { "ObserverUserId", "SkillKey", "Level", "ObservedAtUtc", "IsSubmitted" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ratings_EmployeeId_SkillKey_ObservedAtUtc_IsSubmitted_Level",
                table: "Ratings");

            migrationBuilder.DropIndex(
                name: "IX_Ratings_ObserverUserId_SkillKey_Level_ObservedAtUtc_IsSubmitted",
                table: "Ratings");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_EmployeeId_SkillKey_ObservedAtUtc",
                table: "Ratings",
                columns: new[] { "EmployeeId", "SkillKey", "ObservedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_IsSubmitted_ObservedAtUtc_SkillKey_EmployeeId_Level",
                table: "Ratings",
                columns: new[] { "IsSubmitted", "ObservedAtUtc", "SkillKey", "EmployeeId", "Level" });
        }
    }
}
