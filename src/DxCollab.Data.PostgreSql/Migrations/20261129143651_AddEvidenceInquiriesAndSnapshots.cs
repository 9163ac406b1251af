using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DxCollab.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AddEvidenceInquiriesAndSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Migration_FileContents",
                columns: table => new
                {
                    FileId = table.Column<long>(type: "bigint", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_FileContents", x => x.FileId);
                });

            migrationBuilder.CreateTable(
                name: "Migration_Files",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UploadedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_Files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_Inquiries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    BusinessNumber = table.Column<int>(type: "integer", nullable: true),
                    StepNumber = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    WaitingSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastActivityAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_Inquiries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_InquiryAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InquiryId = table.Column<long>(type: "bigint", nullable: false),
                    MessageId = table.Column<long>(type: "bigint", nullable: false),
                    FileId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_InquiryAttachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_InquiryMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InquiryId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FromPrefecture = table.Column<bool>(type: "boolean", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AuthorEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    PostedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_InquiryMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_Snapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TakenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TakenBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_Snapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_StepEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    BusinessNumber = table.Column<int>(type: "integer", nullable: false),
                    StepNumber = table.Column<int>(type: "integer", nullable: false),
                    FileId = table.Column<long>(type: "bigint", nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UploadedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_StepEvidence", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_SnapshotRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SnapshotId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrganizationType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    BusinessNumber = table.Column<int>(type: "integer", nullable: false),
                    Completed = table.Column<int>(type: "integer", nullable: false),
                    InProgress = table.Column<int>(type: "integer", nullable: false),
                    NotStarted = table.Column<int>(type: "integer", nullable: false),
                    NotApplicable = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_SnapshotRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Migration_SnapshotRows_Migration_Snapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "Migration_Snapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Migration_Files_OrganizationCode",
                table: "Migration_Files",
                column: "OrganizationCode");

            migrationBuilder.CreateIndex(
                name: "IX_Migration_Inquiries_OrganizationCode_BusinessNumber_StepNum~",
                table: "Migration_Inquiries",
                columns: new[] { "OrganizationCode", "BusinessNumber", "StepNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Migration_Inquiries_Status_WaitingSince",
                table: "Migration_Inquiries",
                columns: new[] { "Status", "WaitingSince" });

            migrationBuilder.CreateIndex(
                name: "IX_Migration_InquiryAttachments_FileId_TenantId",
                table: "Migration_InquiryAttachments",
                columns: new[] { "FileId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_InquiryAttachments_InquiryId",
                table: "Migration_InquiryAttachments",
                column: "InquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_Migration_InquiryMessages_InquiryId_PostedAt",
                table: "Migration_InquiryMessages",
                columns: new[] { "InquiryId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Migration_SnapshotRows_SnapshotId_OrganizationCode_Business~",
                table: "Migration_SnapshotRows",
                columns: new[] { "SnapshotId", "OrganizationCode", "BusinessNumber", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_Snapshots_Month_TenantId",
                table: "Migration_Snapshots",
                columns: new[] { "Month", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepEvidence_FileId_TenantId",
                table: "Migration_StepEvidence",
                columns: new[] { "FileId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepEvidence_OrganizationCode_BusinessNumber_Step~",
                table: "Migration_StepEvidence",
                columns: new[] { "OrganizationCode", "BusinessNumber", "StepNumber" });
            migrationBuilder.ApplyTenantSecurity();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Migration_FileContents");

            migrationBuilder.DropTable(
                name: "Migration_Files");

            migrationBuilder.DropTable(
                name: "Migration_Inquiries");

            migrationBuilder.DropTable(
                name: "Migration_InquiryAttachments");

            migrationBuilder.DropTable(
                name: "Migration_InquiryMessages");

            migrationBuilder.DropTable(
                name: "Migration_SnapshotRows");

            migrationBuilder.DropTable(
                name: "Migration_StepEvidence");

            migrationBuilder.DropTable(
                name: "Migration_Snapshots");
        }
    }
}
