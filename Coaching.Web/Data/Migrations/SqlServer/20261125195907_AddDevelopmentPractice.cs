using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coaching.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddDevelopmentPractice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CreatedByNewTechnology",
                table: "JobRoles",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "FollowedUpAtUtc",
                table: "ActionItems",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChoosableSkills",
                columns: table => new
                {
                    SkillKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MarkedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    MarkedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChoosableSkills", x => x.SkillKey);
                });

            migrationBuilder.CreateTable(
                name: "ConfidenceRatings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EmployeeId = table.Column<int>(type: "int", nullable: false),
                    SkillKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Level = table.Column<int>(type: "int", nullable: false),
                    RatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConfidenceRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConfidenceRatings_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DevelopmentConversations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EmployeeId = table.Column<int>(type: "int", nullable: false),
                    ManagerUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Discussed = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    PlanChanges = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Reflection = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ReflectedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FormKey = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevelopmentConversations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DevelopmentConversations_AspNetUsers_ManagerUserId",
                        column: x => x.ManagerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DevelopmentConversations_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DevelopmentPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EmployeeId = table.Column<int>(type: "int", nullable: false),
                    Track = table.Column<int>(type: "int", nullable: false),
                    TargetRoleId = table.Column<int>(type: "int", nullable: true),
                    AdditionalRoleId = table.Column<int>(type: "int", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    StopReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevelopmentPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DevelopmentPlans_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DevelopmentPlans_JobRoles_AdditionalRoleId",
                        column: x => x.AdditionalRoleId,
                        principalTable: "JobRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DevelopmentPlans_JobRoles_TargetRoleId",
                        column: x => x.TargetRoleId,
                        principalTable: "JobRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DevelopmentSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    SkillChoiceLimit = table.Column<int>(type: "int", nullable: false),
                    ConversationTargetDays = table.Column<int>(type: "int", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevelopmentSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobRoleLeadsTo",
                columns: table => new
                {
                    JobRoleId = table.Column<int>(type: "int", nullable: false),
                    LeadsToRoleId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRoleLeadsTo", x => new { x.JobRoleId, x.LeadsToRoleId });
                    table.ForeignKey(
                        name: "FK_JobRoleLeadsTo_JobRoles_JobRoleId",
                        column: x => x.JobRoleId,
                        principalTable: "JobRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JobRoleLeadsTo_JobRoles_LeadsToRoleId",
                        column: x => x.LeadsToRoleId,
                        principalTable: "JobRoles",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "SkillChoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EmployeeId = table.Column<int>(type: "int", nullable: false),
                    SkillKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChosenAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DroppedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkillChoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SkillChoices_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreedSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DevelopmentConversationId = table.Column<int>(type: "int", nullable: false),
                    EmployeeId = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    DoneAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    FollowedUpAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreedSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreedSteps_DevelopmentConversations_DevelopmentConversationId",
                        column: x => x.DevelopmentConversationId,
                        principalTable: "DevelopmentConversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DevelopmentPlanId = table.Column<int>(type: "int", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    What = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanEvents_DevelopmentPlans_DevelopmentPlanId",
                        column: x => x.DevelopmentPlanId,
                        principalTable: "DevelopmentPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanSkills",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DevelopmentPlanId = table.Column<int>(type: "int", nullable: false),
                    SkillKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TargetLevel = table.Column<int>(type: "int", nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "date", nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AddedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    DroppedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanSkills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanSkills_DevelopmentPlans_DevelopmentPlanId",
                        column: x => x.DevelopmentPlanId,
                        principalTable: "DevelopmentPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreedSteps_DevelopmentConversationId",
                table: "AgreedSteps",
                column: "DevelopmentConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreedSteps_EmployeeId_DoneAtUtc",
                table: "AgreedSteps",
                columns: new[] { "EmployeeId", "DoneAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ConfidenceRatings_EmployeeId_SkillKey_RatedAtUtc",
                table: "ConfidenceRatings",
                columns: new[] { "EmployeeId", "SkillKey", "RatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentConversations_EmployeeId_HeldOn",
                table: "DevelopmentConversations",
                columns: new[] { "EmployeeId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentConversations_FormKey",
                table: "DevelopmentConversations",
                column: "FormKey",
                unique: true,
                filter: "[FormKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentConversations_ManagerUserId_HeldOn",
                table: "DevelopmentConversations",
                columns: new[] { "ManagerUserId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentPlans_AdditionalRoleId",
                table: "DevelopmentPlans",
                column: "AdditionalRoleId");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentPlans_EmployeeId_Status",
                table: "DevelopmentPlans",
                columns: new[] { "EmployeeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentPlans_OneActivePerTrack",
                table: "DevelopmentPlans",
                columns: new[] { "EmployeeId", "Track" },
                unique: true,
                filter: "[Status] = 1");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentPlans_TargetRoleId",
                table: "DevelopmentPlans",
                column: "TargetRoleId");

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentPlans_Track_Status",
                table: "DevelopmentPlans",
                columns: new[] { "Track", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_JobRoleLeadsTo_LeadsToRoleId",
                table: "JobRoleLeadsTo",
                column: "LeadsToRoleId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanEvents_DevelopmentPlanId_AtUtc",
                table: "PlanEvents",
                columns: new[] { "DevelopmentPlanId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanSkills_DevelopmentPlanId_SkillKey",
                table: "PlanSkills",
                columns: new[] { "DevelopmentPlanId", "SkillKey" });

            migrationBuilder.CreateIndex(
                name: "IX_SkillChoices_EmployeeId_DroppedAtUtc",
                table: "SkillChoices",
                columns: new[] { "EmployeeId", "DroppedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SkillChoices_SkillKey_DroppedAtUtc",
                table: "SkillChoices",
                columns: new[] { "SkillKey", "DroppedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreedSteps");

            migrationBuilder.DropTable(
                name: "ChoosableSkills");

            migrationBuilder.DropTable(
                name: "ConfidenceRatings");

            migrationBuilder.DropTable(
                name: "DevelopmentSettings");

            migrationBuilder.DropTable(
                name: "JobRoleLeadsTo");

            migrationBuilder.DropTable(
                name: "PlanEvents");

            migrationBuilder.DropTable(
                name: "PlanSkills");

            migrationBuilder.DropTable(
                name: "SkillChoices");

            migrationBuilder.DropTable(
                name: "DevelopmentConversations");

            migrationBuilder.DropTable(
                name: "DevelopmentPlans");

            migrationBuilder.DropColumn(
                name: "CreatedByNewTechnology",
                table: "JobRoles");

            migrationBuilder.DropColumn(
                name: "FollowedUpAtUtc",
                table: "ActionItems");
        }
    }
}
