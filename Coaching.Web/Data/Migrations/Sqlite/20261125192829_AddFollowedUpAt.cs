using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coaching.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddFollowedUpAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FollowedUpAtUtc",
                table: "AgreedSteps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FollowedUpAtUtc",
                table: "ActionItems",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FollowedUpAtUtc",
                table: "AgreedSteps");

            migrationBuilder.DropColumn(
                name: "FollowedUpAtUtc",
                table: "ActionItems");
        }
    }
}
