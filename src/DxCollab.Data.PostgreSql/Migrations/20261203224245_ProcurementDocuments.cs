using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DxCollab.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ProcurementDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Procurement_DocumentFolders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_DocumentFolders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_DocumentFolders_Procurement_Workspaces_Workspac~",
                        column: x => x.WorkspaceId,
                        principalTable: "Procurement_Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_Documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    FolderId = table.Column<long>(type: "bigint", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Confidentiality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LatestNumber = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_Documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_Documents_Procurement_DocumentFolders_FolderId",
                        column: x => x.FolderId,
                        principalTable: "Procurement_DocumentFolders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Procurement_Documents_Procurement_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Procurement_Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_DocumentRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    DocumentId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    FileId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChangeNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedByOrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_DocumentRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_DocumentRevisions_Procurement_Documents_Documen~",
                        column: x => x.DocumentId,
                        principalTable: "Procurement_Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_ApprovalRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    RevisionId = table.Column<long>(type: "bigint", nullable: false),
                    AskedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AskedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_ApprovalRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_ApprovalRequests_Procurement_DocumentRevisions_~",
                        column: x => x.RevisionId,
                        principalTable: "Procurement_DocumentRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_Decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Matter = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    BasisRevisionId = table.Column<long>(type: "bigint", nullable: true),
                    AttendeeCodes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_Decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_Decisions_Procurement_DocumentRevisions_BasisRe~",
                        column: x => x.BasisRevisionId,
                        principalTable: "Procurement_DocumentRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Procurement_Decisions_Procurement_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Procurement_Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_RevisionComments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RevisionId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WrittenBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_RevisionComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_RevisionComments_Procurement_DocumentRevisions_~",
                        column: x => x.RevisionId,
                        principalTable: "Procurement_DocumentRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_ApprovalVerdicts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    RevisionId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Approved = table.Column<bool>(type: "boolean", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_ApprovalVerdicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_ApprovalVerdicts_Procurement_ApprovalRequests_R~",
                        column: x => x.RequestId,
                        principalTable: "Procurement_ApprovalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_ApprovalRequests_RevisionId_TenantId",
                table: "Procurement_ApprovalRequests",
                columns: new[] { "RevisionId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_ApprovalRequests_WorkspaceId",
                table: "Procurement_ApprovalRequests",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_ApprovalVerdicts_RequestId_OrganizationCode_Ten~",
                table: "Procurement_ApprovalVerdicts",
                columns: new[] { "RequestId", "OrganizationCode", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_ApprovalVerdicts_RevisionId",
                table: "Procurement_ApprovalVerdicts",
                column: "RevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Decisions_BasisRevisionId",
                table: "Procurement_Decisions",
                column: "BasisRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Decisions_WorkspaceId_DecidedOn",
                table: "Procurement_Decisions",
                columns: new[] { "WorkspaceId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_DocumentFolders_WorkspaceId_Name_TenantId",
                table: "Procurement_DocumentFolders",
                columns: new[] { "WorkspaceId", "Name", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_DocumentRevisions_DocumentId_Number_TenantId",
                table: "Procurement_DocumentRevisions",
                columns: new[] { "DocumentId", "Number", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_DocumentRevisions_WorkspaceId",
                table: "Procurement_DocumentRevisions",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Documents_FolderId",
                table: "Procurement_Documents",
                column: "FolderId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Documents_WorkspaceId_FolderId",
                table: "Procurement_Documents",
                columns: new[] { "WorkspaceId", "FolderId" });

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_RevisionComments_RevisionId",
                table: "Procurement_RevisionComments",
                column: "RevisionId");
            migrationBuilder.ApplyTenantSecurity();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Procurement_ApprovalVerdicts");

            migrationBuilder.DropTable(
                name: "Procurement_Decisions");

            migrationBuilder.DropTable(
                name: "Procurement_RevisionComments");

            migrationBuilder.DropTable(
                name: "Procurement_ApprovalRequests");

            migrationBuilder.DropTable(
                name: "Procurement_DocumentRevisions");

            migrationBuilder.DropTable(
                name: "Procurement_Documents");

            migrationBuilder.DropTable(
                name: "Procurement_DocumentFolders");
        }
    }
}
