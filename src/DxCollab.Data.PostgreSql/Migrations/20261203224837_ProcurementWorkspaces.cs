using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DxCollab.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ProcurementWorkspaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Conditions",
                table: "Procurement_Members",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Procurement_Agreements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SignatoryCodes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FileId = table.Column<long>(type: "bigint", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_Agreements_Procurement_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Procurement_Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_IntentPolls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    Question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_IntentPolls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_IntentPolls_Procurement_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Procurement_Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_Milestones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OwnerOrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    OwnerOrganizationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DoneBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_Milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_Milestones_Procurement_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Procurement_Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_PhaseChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_PhaseChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_PhaseChanges_Procurement_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Procurement_Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_IntentAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PollId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Choice = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Conditions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_IntentAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_IntentAnswers_Procurement_IntentPolls_PollId",
                        column: x => x.PollId,
                        principalTable: "Procurement_IntentPolls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Agreements_WorkspaceId_TenantId",
                table: "Procurement_Agreements",
                columns: new[] { "WorkspaceId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_IntentAnswers_OrganizationCode",
                table: "Procurement_IntentAnswers",
                column: "OrganizationCode");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_IntentAnswers_PollId_OrganizationCode_TenantId",
                table: "Procurement_IntentAnswers",
                columns: new[] { "PollId", "OrganizationCode", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_IntentPolls_WorkspaceId_ClosedAt",
                table: "Procurement_IntentPolls",
                columns: new[] { "WorkspaceId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Milestones_WorkspaceId_DueOn",
                table: "Procurement_Milestones",
                columns: new[] { "WorkspaceId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_PhaseChanges_WorkspaceId",
                table: "Procurement_PhaseChanges",
                column: "WorkspaceId");
            migrationBuilder.ApplyTenantSecurity();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Procurement_Agreements");

            migrationBuilder.DropTable(
                name: "Procurement_IntentAnswers");

            migrationBuilder.DropTable(
                name: "Procurement_Milestones");

            migrationBuilder.DropTable(
                name: "Procurement_PhaseChanges");

            migrationBuilder.DropTable(
                name: "Procurement_IntentPolls");

            migrationBuilder.DropColumn(
                name: "Conditions",
                table: "Procurement_Members");
        }
    }
}
