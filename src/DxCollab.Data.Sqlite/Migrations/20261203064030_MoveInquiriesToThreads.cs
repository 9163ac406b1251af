using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DxCollab.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MoveInquiriesToThreads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Platform_ThreadAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ThreadId = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_ThreadAttachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_ThreadMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ThreadId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FromPrefecture = table.Column<bool>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AuthorEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PostedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_ThreadMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_Threads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganizationCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    WaitingSince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastActivityAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_Threads", x => x.Id);
                });

            // Keep every 課題・質問: threads, messages and attachments are copied with their ids (links, notices and
            // Platform_Files rows keep pointing at them); the subject key is 団体コード[/業務[/step]].
            // AUTOINCREMENT tables: sqlite_sequence follows the largest id inserted, so new threads get higher ids.
            migrationBuilder.Sql("""
            INSERT INTO "Platform_Threads" ("Id", "TenantId", "SubjectType", "SubjectKey", "OrganizationCode", "Title", "Status", "CreatedAt", "CreatedBy", "WaitingSince", "LastActivityAt", "ClosedAt", "ClosedBy")
            SELECT "Id", "TenantId", 'migration', "OrganizationCode" || COALESCE('/' || CAST("BusinessNumber" AS TEXT) || COALESCE('/' || CAST("StepNumber" AS TEXT), ''), ''), "OrganizationCode", "Title", "Status", "CreatedAt", "CreatedBy", "WaitingSince", "LastActivityAt", "ClosedAt", "ClosedBy" FROM "Migration_Inquiries";
            INSERT INTO "Platform_ThreadMessages" ("Id", "TenantId", "ThreadId", "Kind", "Body", "FromPrefecture", "AuthorName", "AuthorEmail", "AuthorUserId", "PostedAt")
            SELECT "Id", "TenantId", "InquiryId", "Kind", "Body", "FromPrefecture", "AuthorName", "AuthorEmail", "AuthorUserId", "PostedAt" FROM "Migration_InquiryMessages";
            INSERT INTO "Platform_ThreadAttachments" ("Id", "TenantId", "ThreadId", "MessageId", "FileId")
            SELECT "Id", "TenantId", "InquiryId", "MessageId", "FileId" FROM "Migration_InquiryAttachments";
            """);

            migrationBuilder.DropTable(
                name: "Migration_Inquiries");

            migrationBuilder.DropTable(
                name: "Migration_InquiryAttachments");

            migrationBuilder.DropTable(
                name: "Migration_InquiryMessages");

            migrationBuilder.CreateIndex(
                name: "IX_Platform_ThreadAttachments_FileId_TenantId",
                table: "Platform_ThreadAttachments",
                columns: new[] { "FileId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_ThreadAttachments_ThreadId",
                table: "Platform_ThreadAttachments",
                column: "ThreadId");

            migrationBuilder.CreateIndex(
                name: "IX_Platform_ThreadMessages_ThreadId_PostedAt",
                table: "Platform_ThreadMessages",
                columns: new[] { "ThreadId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Platform_Threads_SubjectType_OrganizationCode_SubjectKey",
                table: "Platform_Threads",
                columns: new[] { "SubjectType", "OrganizationCode", "SubjectKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Platform_Threads_SubjectType_Status_WaitingSince",
                table: "Platform_Threads",
                columns: new[] { "SubjectType", "Status", "WaitingSince" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Rolling back would leave 課題・質問 behind in tables the older code no longer reads, so it is refused:
            // restore the backup taken before the upgrade instead (docs/operations.md, upgrades).
            throw new NotSupportedException(
                "MoveInquiriesToThreads cannot be rolled back without losing 課題・質問; restore the pre-upgrade backup instead.");
        }
    }
}
