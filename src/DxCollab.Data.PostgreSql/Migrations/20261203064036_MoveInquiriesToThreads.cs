using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DxCollab.Data.PostgreSql.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ThreadId = table.Column<long>(type: "bigint", nullable: false),
                    MessageId = table.Column<long>(type: "bigint", nullable: false),
                    FileId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_ThreadAttachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_ThreadMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ThreadId = table.Column<long>(type: "bigint", nullable: false),
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
                    table.PrimaryKey("PK_Platform_ThreadMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_Threads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SubjectKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
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
                    table.PrimaryKey("PK_Platform_Threads", x => x.Id);
                });

            // Keep every 課題・質問: threads, messages and attachments are copied with their ids (links, notices and
            // Platform_Files rows keep pointing at them); the subject key is 団体コード[/業務[/step]].
            // The identity sequences continue after the largest copied id (setval).
            migrationBuilder.Sql("""
            -- The old tables have FORCE row-level security: let the owner read every tenant's rows for the copy.
            ALTER TABLE "Migration_Inquiries" DISABLE ROW LEVEL SECURITY;
            ALTER TABLE "Migration_InquiryMessages" DISABLE ROW LEVEL SECURITY;
            ALTER TABLE "Migration_InquiryAttachments" DISABLE ROW LEVEL SECURITY;
            INSERT INTO "Platform_Threads" ("Id", "TenantId", "SubjectType", "SubjectKey", "OrganizationCode", "Title", "Status", "CreatedAt", "CreatedBy", "WaitingSince", "LastActivityAt", "ClosedAt", "ClosedBy")
            SELECT "Id", "TenantId", 'migration', "OrganizationCode" || COALESCE('/' || CAST("BusinessNumber" AS text) || COALESCE('/' || CAST("StepNumber" AS text), ''), ''), "OrganizationCode", "Title", "Status", "CreatedAt", "CreatedBy", "WaitingSince", "LastActivityAt", "ClosedAt", "ClosedBy" FROM "Migration_Inquiries";
            SELECT setval(pg_get_serial_sequence('"Platform_Threads"', 'Id'), COALESCE((SELECT MAX("Id") FROM "Platform_Threads"), 0) + 1, false);
            INSERT INTO "Platform_ThreadMessages" ("Id", "TenantId", "ThreadId", "Kind", "Body", "FromPrefecture", "AuthorName", "AuthorEmail", "AuthorUserId", "PostedAt")
            SELECT "Id", "TenantId", "InquiryId", "Kind", "Body", "FromPrefecture", "AuthorName", "AuthorEmail", "AuthorUserId", "PostedAt" FROM "Migration_InquiryMessages";
            SELECT setval(pg_get_serial_sequence('"Platform_ThreadMessages"', 'Id'), COALESCE((SELECT MAX("Id") FROM "Platform_ThreadMessages"), 0) + 1, false);
            INSERT INTO "Platform_ThreadAttachments" ("Id", "TenantId", "ThreadId", "MessageId", "FileId")
            SELECT "Id", "TenantId", "InquiryId", "MessageId", "FileId" FROM "Migration_InquiryAttachments";
            SELECT setval(pg_get_serial_sequence('"Platform_ThreadAttachments"', 'Id'), COALESCE((SELECT MAX("Id") FROM "Platform_ThreadAttachments"), 0) + 1, false);
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
            migrationBuilder.ApplyTenantSecurity();
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
