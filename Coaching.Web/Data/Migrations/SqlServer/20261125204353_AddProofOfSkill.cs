using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coaching.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddProofOfSkill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PeerTrainerAppointments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EmployeeId = table.Column<int>(type: "int", nullable: false),
                    SkillKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AppointedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AppointedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EndedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerTrainerAppointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerTrainerAppointments_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SignOffDeclines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EmployeeId = table.Column<int>(type: "int", nullable: false),
                    SkillKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DeclinedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    DeclinedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    EvidenceObservationIds = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignOffDeclines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignOffDeclines_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SignOffRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RubricId = table.Column<int>(type: "int", nullable: false),
                    MinObservations = table.Column<int>(type: "int", nullable: false),
                    MinObservers = table.Column<int>(type: "int", nullable: false),
                    WindowDays = table.Column<int>(type: "int", nullable: false),
                    LatestMustMeet = table.Column<bool>(type: "bit", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignOffRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignOffRules_Rubrics_RubricId",
                        column: x => x.RubricId,
                        principalTable: "Rubrics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SignOffs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EmployeeId = table.Column<int>(type: "int", nullable: false),
                    SkillKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SignedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    SignedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EvidenceObservationIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RevokedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RevokeReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    SupersededAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignOffs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignOffs_AspNetUsers_SignedByUserId",
                        column: x => x.SignedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SignOffs_Employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SkillExpiries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SkillKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Months = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkillExpiries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TenureBandSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    BandStartYears = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenureBandSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrainingAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TrainerId = table.Column<int>(type: "int", nullable: false),
                    TraineeId = table.Column<int>(type: "int", nullable: false),
                    SkillKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AssignedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AssignedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingAssignments_Employees_TraineeId",
                        column: x => x.TraineeId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingAssignments_Employees_TrainerId",
                        column: x => x.TrainerId,
                        principalTable: "Employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Format = table.Column<int>(type: "int", nullable: false),
                    SkillKeys = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    AttendeeIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PeerTrainerAppointments_OneCurrentPerSkill",
                table: "PeerTrainerAppointments",
                columns: new[] { "EmployeeId", "SkillKey" },
                unique: true,
                filter: "[EndedAtUtc] IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PeerTrainerAppointments_SkillKey_EndedAtUtc",
                table: "PeerTrainerAppointments",
                columns: new[] { "SkillKey", "EndedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SignOffDeclines_EmployeeId_SkillKey_DeclinedAtUtc",
                table: "SignOffDeclines",
                columns: new[] { "EmployeeId", "SkillKey", "DeclinedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SignOffRules_RubricId",
                table: "SignOffRules",
                column: "RubricId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignOffs_ExpiresOn",
                table: "SignOffs",
                column: "ExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_SignOffs_OneLivePerSkill",
                table: "SignOffs",
                columns: new[] { "EmployeeId", "SkillKey" },
                unique: true,
                filter: "[RevokedAtUtc] IS NULL AND [SupersededAtUtc] IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SignOffs_SignedByUserId",
                table: "SignOffs",
                column: "SignedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SkillExpiries_SkillKey",
                table: "SkillExpiries",
                column: "SkillKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAssignments_SkillKey_StartsOn",
                table: "TrainingAssignments",
                columns: new[] { "SkillKey", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAssignments_TraineeId_StartsOn",
                table: "TrainingAssignments",
                columns: new[] { "TraineeId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAssignments_TrainerId_StartsOn",
                table: "TrainingAssignments",
                columns: new[] { "TrainerId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEvents_HeldOn",
                table: "TrainingEvents",
                column: "HeldOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PeerTrainerAppointments");

            migrationBuilder.DropTable(
                name: "SignOffDeclines");

            migrationBuilder.DropTable(
                name: "SignOffRules");

            migrationBuilder.DropTable(
                name: "SignOffs");

            migrationBuilder.DropTable(
                name: "SkillExpiries");

            migrationBuilder.DropTable(
                name: "TenureBandSettings");

            migrationBuilder.DropTable(
                name: "TrainingAssignments");

            migrationBuilder.DropTable(
                name: "TrainingEvents");
        }
    }
}
