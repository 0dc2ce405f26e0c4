using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coaching.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddInsightRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RatingRollups",
                columns: table => new
                {
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    SkillKey = table.Column<Guid>(type: "uuid", nullable: false),
                    Span = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    Ratings = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RatingRollups", x => new { x.Span, x.Start, x.TeamId, x.SkillKey });
                });

            migrationBuilder.CreateIndex(
                name: "IX_RatingRollups_Span_Start_TeamId_SkillKey_Ratings",
                table: "RatingRollups",
                columns: new[] { "Span", "Start", "TeamId", "SkillKey", "Ratings" });

            migrationBuilder.CreateIndex(
                name: "IX_RatingRollups_TeamId",
                table: "RatingRollups",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RatingRollups");
        }
    }
}
