using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coaching.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddConversationFormKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FormKey",
                table: "DevelopmentConversations",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentConversations_FormKey",
                table: "DevelopmentConversations",
                column: "FormKey",
                unique: true,
                filter: "[FormKey] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DevelopmentConversations_FormKey",
                table: "DevelopmentConversations");

            migrationBuilder.DropColumn(
                name: "FormKey",
                table: "DevelopmentConversations");
        }
    }
}
