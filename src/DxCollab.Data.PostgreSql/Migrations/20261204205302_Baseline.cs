using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DxCollab.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    /// <summary>The whole schema as of 2026-12-04, replacing the 21 migrations before it (docs/decisions/0013). Its id is
    /// that of the last of them, so a database that had them all counts it as applied; an older one cannot be
    /// upgraded past it.</summary>
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Identity_Roles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Identity_Roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Identity_Users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeactivatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    InvitedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Identity_Users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_BusinessSystems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    BusinessNumber = table.Column<int>(type: "integer", nullable: false),
                    IsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    IsSpecificMigrationSupport = table.Column<bool>(type: "boolean", nullable: false),
                    SpecificSupportReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SpecificSupportPlannedCompletion = table.Column<DateOnly>(type: "date", nullable: true),
                    TransitionalMeasures = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    VendorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TargetGoLive = table.Column<DateOnly>(type: "date", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_BusinessSystems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_BusinessTallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    BusinessNumber = table.Column<int>(type: "integer", nullable: false),
                    Completed = table.Column<int>(type: "integer", nullable: false),
                    InProgress = table.Column<int>(type: "integer", nullable: false),
                    NotStarted = table.Column<int>(type: "integer", nullable: false),
                    NotApplicable = table.Column<int>(type: "integer", nullable: false),
                    LastChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_BusinessTallies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_ImportRunFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_ImportRunFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_ImportRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    FileSize = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RowsTotal = table.Column<int>(type: "integer", nullable: true),
                    RowsRead = table.Column<int>(type: "integer", nullable: false),
                    RowsValidated = table.Column<int>(type: "integer", nullable: false),
                    RowsApplied = table.Column<int>(type: "integer", nullable: false),
                    Applied = table.Column<bool>(type: "boolean", nullable: true),
                    RejectedRows = table.Column<int>(type: "integer", nullable: false),
                    ReportJson = table.Column<string>(type: "text", nullable: true),
                    FileErrorsJson = table.Column<string>(type: "text", nullable: true),
                    Failure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RequestedRoles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedOrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_ImportRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_NationalRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PrefectureId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BusinessNumber = table.Column<int>(type: "integer", nullable: false),
                    IsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    Completed = table.Column<int>(type: "integer", nullable: false),
                    InProgress = table.Column<int>(type: "integer", nullable: false),
                    NotStarted = table.Column<int>(type: "integer", nullable: false),
                    NotApplicable = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_NationalRows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_NationalVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_NationalVersion", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_ProgressVersions",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_ProgressVersions", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "Migration_Settings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StalledAfterWeeks = table.Column<int>(type: "integer", nullable: false),
                    EscalationAfterBusinessDays = table.Column<int>(type: "integer", nullable: false),
                    MonthlyRequestBusinessDay = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_Settings", x => x.Id);
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
                name: "Migration_StepProgress",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    BusinessNumber = table.Column<int>(type: "integer", nullable: false),
                    StepNumber = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PlannedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ActualDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_StepProgress", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_StepProgressChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    BusinessNumber = table.Column<int>(type: "integer", nullable: false),
                    StepNumber = table.Column<int>(type: "integer", nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PlannedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ActualDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_StepProgressChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_StepTallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    StepNumber = table.Column<int>(type: "integer", nullable: false),
                    Completed = table.Column<int>(type: "integer", nullable: false),
                    InProgress = table.Column<int>(type: "integer", nullable: false),
                    NotStarted = table.Column<int>(type: "integer", nullable: false),
                    NotApplicable = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_StepTallies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    EntityType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    RequestId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_FailedMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: true),
                    MessageType = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Tenant = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Queue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    FailedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequeuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_FailedMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_FileChunks",
                columns: table => new
                {
                    FileId = table.Column<long>(type: "bigint", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_FileChunks", x => new { x.FileId, x.Index });
                });

            migrationBuilder.CreateTable(
                name: "Platform_FileContents",
                columns: table => new
                {
                    FileId = table.Column<long>(type: "bigint", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_FileContents", x => x.FileId);
                });

            migrationBuilder.CreateTable(
                name: "Platform_Files",
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
                    table.PrimaryKey("PK_Platform_Files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_OrganizationChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Before = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    After = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_OrganizationChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_Organizations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kana = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    SearchKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AbolishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SuccessorCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_Organizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_OutboxMessages",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tenant = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MessageType = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    AggregateKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_OutboxMessages", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "Platform_ProcessedMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_ProcessedMessages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "Platform_SentReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Rule = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecipientCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_SentReminders", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "Procurement_CatalogueCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseKey = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceTenant = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SourceWorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LeadOrganizationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MemberNames = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    TotalPopulation = table.Column<long>(type: "bigint", nullable: true),
                    InitialCost = table.Column<long>(type: "bigint", nullable: true),
                    AnnualCost = table.Column<long>(type: "bigint", nullable: true),
                    Process = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    SpecificationShareable = table.Column<bool>(type: "boolean", nullable: false),
                    FinishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SearchKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_CatalogueCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_SharedWorkspaces",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SourceTenant = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SourceWorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    SourceMemberId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LeadName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Phase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    InvitedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnsweredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_SharedWorkspaces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_SpecificationAsks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestKey = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseKey = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SourceTenant = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_SpecificationAsks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_Workspaces",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    LeadOrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Phase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_Workspaces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reference_MigrationSteps",
                columns: table => new
                {
                    Number = table.Column<int>(type: "integer", nullable: false),
                    StepId = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Item = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    ItemHeading = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WorkbookName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reference_MigrationSteps", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "Reference_StandardBusinesses",
                columns: table => new
                {
                    Number = table.Column<int>(type: "integer", nullable: false),
                    OfficialName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    WorkbookName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ReportedByPrefecture = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reference_StandardBusinesses", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_Departments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_Departments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_NationalReceived",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NationalSurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReferenceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    FormJson = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RelayedSurveyId = table.Column<long>(type: "bigint", nullable: true),
                    RelayedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RelayedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    FinalizedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinalizedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_NationalReceived", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_NationalSurveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReferenceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    FormJson = table.Column<string>(type: "text", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_NationalSurveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_Surveys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Contact = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    IsConfidential = table.Column<bool>(type: "boolean", nullable: false),
                    CopiedFromSurveyId = table.Column<long>(type: "bigint", nullable: true),
                    NationalSurveyId = table.Column<Guid>(type: "uuid", nullable: true),
                    RosterRuleJson = table.Column<string>(type: "text", nullable: false),
                    FormJson = table.Column<string>(type: "text", nullable: false),
                    FormRevision = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_Surveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TalentPool_ItStaff",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Staff = table.Column<int>(type: "integer", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentPool_ItStaff", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TalentPool_NationalAdvisers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Scheme = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Affiliation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Skills = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentPool_NationalAdvisers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TalentPool_Pools",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HostOrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentPool_Pools", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TalentPool_Requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ThemeKey = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IntakeJson = table.Column<string>(type: "text", nullable: false),
                    Urgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PreferredFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PreferredTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FileIdsJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FirstAssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawnReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentPool_Requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TalentPool_SkillAreas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SeedName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentPool_SkillAreas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Identity_RoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Identity_RoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Identity_RoleClaims_Identity_Roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "Identity_Roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Identity_UserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Identity_UserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Identity_UserClaims_Identity_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Identity_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Identity_UserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Identity_UserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_Identity_UserLogins_Identity_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Identity_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Identity_UserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Identity_UserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_Identity_UserRoles_Identity_Roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "Identity_Roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Identity_UserRoles_Identity_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Identity_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Identity_UserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Identity_UserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_Identity_UserTokens_Identity_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Identity_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Platform_NotificationPreferences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    EmailDelivery = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_NotificationPreferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Platform_NotificationPreferences_Identity_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Identity_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Platform_Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Platform_Notifications_Identity_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Identity_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Platform_PendingEmails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    IsDigestItem = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_PendingEmails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Platform_PendingEmails_Identity_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Identity_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "Procurement_CasePublications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    CaseKey = table.Column<Guid>(type: "uuid", nullable: false),
                    SpecificationShareable = table.Column<bool>(type: "boolean", nullable: false),
                    SpecificationDocumentId = table.Column<long>(type: "bigint", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_CasePublications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_CasePublications_Procurement_Workspaces_Workspa~",
                        column: x => x.WorkspaceId,
                        principalTable: "Procurement_Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_CostShares",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    InitialCost = table.Column<long>(type: "bigint", nullable: false),
                    AnnualCost = table.Column<long>(type: "bigint", nullable: false),
                    EqualPercent = table.Column<int>(type: "integer", nullable: false),
                    PopulationPercent = table.Column<int>(type: "integer", nullable: false),
                    RemainderOrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    DecisionId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_CostShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_CostShares_Procurement_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Procurement_Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "Procurement_Members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrganizationTenant = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    InvitedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EndedReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Conditions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_Members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_Members_Procurement_Workspaces_WorkspaceId",
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
                name: "Procurement_RfiItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_RfiItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_RfiItems_Procurement_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Procurement_Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_SpecificationRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestKey = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseKey = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    RequesterTenant = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequesterOrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    RequesterOrganizationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_SpecificationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_SpecificationRequests_Procurement_Workspaces_Wo~",
                        column: x => x.WorkspaceId,
                        principalTable: "Procurement_Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_VendorQuestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    Stage = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    VendorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Answer = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_VendorQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_VendorQuestions_Procurement_Workspaces_Workspac~",
                        column: x => x.WorkspaceId,
                        principalTable: "Procurement_Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_NationalChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NationalSurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PrefectureId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RespondentCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RespondentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    QuestionKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Before = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    After = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_NationalChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_NationalChanges_Surveys_NationalSurveys_NationalSur~",
                        column: x => x.NationalSurveyId,
                        principalTable: "Surveys_NationalSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_NationalResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NationalSurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PrefectureId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RespondentCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RespondentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_NationalResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_NationalResults_Surveys_NationalSurveys_NationalSur~",
                        column: x => x.NationalSurveyId,
                        principalTable: "Surveys_NationalSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_Responses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SurveyId = table.Column<long>(type: "bigint", nullable: false),
                    RespondentCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ExtendedDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    LastSavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSavedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReturnComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LastActivityAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_Responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_Responses_Surveys_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys_Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TalentPool_AdviserUses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AdviserId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    RequestId = table.Column<long>(type: "bigint", nullable: true),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OnSiteDays = table.Column<int>(type: "integer", nullable: false),
                    OnlineHours = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentPool_AdviserUses", x => x.Id);
                    table.CheckConstraint("CK_TalentPool_AdviserUses_NationalCaps", "\"OnSiteDays\" >= 0 AND \"OnSiteDays\" <= 3 AND \"OnlineHours\" >= 0 AND \"OnlineHours\" <= 10");
                    table.ForeignKey(
                        name: "FK_TalentPool_AdviserUses_TalentPool_NationalAdvisers_AdviserId",
                        column: x => x.AdviserId,
                        principalTable: "TalentPool_NationalAdvisers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TalentPool_Experts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PoolId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EngagementForm = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Affiliation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    MonthlyCapacityHours = table.Column<int>(type: "integer", nullable: false),
                    OnSiteDaysCap = table.Column<int>(type: "integer", nullable: true),
                    OnlineHoursCap = table.Column<int>(type: "integer", nullable: true),
                    FundingTag = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentPool_Experts", x => x.Id);
                    table.CheckConstraint("CK_TalentPool_Experts_Capacity", "\"MonthlyCapacityHours\" >= 0");
                    table.ForeignKey(
                        name: "FK_TalentPool_Experts_TalentPool_Pools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "TalentPool_Pools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TalentPool_Satisfaction",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: false),
                    WouldAskAgain = table.Column<bool>(type: "boolean", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnsweredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentPool_Satisfaction", x => x.Id);
                    table.CheckConstraint("CK_TalentPool_Satisfaction_Rating", "\"Rating\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_TalentPool_Satisfaction_TalentPool_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "TalentPool_Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_CostShareLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CostShareId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Population = table.Column<long>(type: "bigint", nullable: false),
                    InitialShare = table.Column<long>(type: "bigint", nullable: false),
                    AnnualShare = table.Column<long>(type: "bigint", nullable: false),
                    TakesRemainder = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_CostShareLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_CostShareLines_Procurement_CostShares_CostShare~",
                        column: x => x.CostShareId,
                        principalTable: "Procurement_CostShares",
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

            migrationBuilder.CreateTable(
                name: "Procurement_RfiAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    VendorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_RfiAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_RfiAnswers_Procurement_RfiItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Procurement_RfiItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_VendorQuestionNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    QuestionId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_VendorQuestionNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_VendorQuestionNotes_Procurement_VendorQuestions~",
                        column: x => x.QuestionId,
                        principalTable: "Procurement_VendorQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_ExtensionRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SurveyId = table.Column<long>(type: "bigint", nullable: false),
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    RequestedDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecisionComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_ExtensionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_ExtensionRequests_Surveys_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Surveys_Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_ResponseEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SurveyId = table.Column<long>(type: "bigint", nullable: false),
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_ResponseEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_ResponseEvents_Surveys_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Surveys_Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_SectionAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SurveyId = table.Column<long>(type: "bigint", nullable: false),
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    SectionKey = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AssigneeUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AssigneeName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    InternalDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssignedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_SectionAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_SectionAssignments_Surveys_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Surveys_Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TalentPool_Assignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    ExpertId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    StartMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    EndMonth = table.Column<DateOnly>(type: "date", nullable: false),
                    HoursPerMonth = table.Column<int>(type: "integer", nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentPool_Assignments", x => x.Id);
                    table.CheckConstraint("CK_TalentPool_Assignments_Hours", "\"HoursPerMonth\" > 0");
                    table.ForeignKey(
                        name: "FK_TalentPool_Assignments_TalentPool_Experts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "TalentPool_Experts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TalentPool_Assignments_TalentPool_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "TalentPool_Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TalentPool_Availability",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpertId = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentPool_Availability", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TalentPool_Availability_TalentPool_Experts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "TalentPool_Experts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TalentPool_ExpertSkills",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpertId = table.Column<long>(type: "bigint", nullable: false),
                    SkillAreaId = table.Column<long>(type: "bigint", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentPool_ExpertSkills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TalentPool_ExpertSkills_TalentPool_Experts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "TalentPool_Experts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TalentPool_ExpertSkills_TalentPool_SkillAreas_SkillAreaId",
                        column: x => x.SkillAreaId,
                        principalTable: "TalentPool_SkillAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TalentPool_MonthLoads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpertId = table.Column<long>(type: "bigint", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    CapacityHours = table.Column<int>(type: "integer", nullable: false),
                    BookedHours = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentPool_MonthLoads", x => x.Id);
                    table.CheckConstraint("CK_TalentPool_MonthLoads_WithinCapacity", "\"BookedHours\" >= 0 AND \"BookedHours\" <= \"CapacityHours\"");
                    table.ForeignKey(
                        name: "FK_TalentPool_MonthLoads_TalentPool_Experts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "TalentPool_Experts",
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
                name: "TalentPool_Activities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AssignmentId = table.Column<long>(type: "bigint", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LoggedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    LoggedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentPool_Activities", x => x.Id);
                    table.CheckConstraint("CK_TalentPool_Activities_Hours", "\"Hours\" > 0");
                    table.ForeignKey(
                        name: "FK_TalentPool_Activities_TalentPool_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "TalentPool_Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TalentPool_Reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AssignmentId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ActivityId = table.Column<long>(type: "bigint", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    FileIdsJson = table.Column<string>(type: "text", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentPool_Reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TalentPool_Reports_TalentPool_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "TalentPool_Assignments",
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

            migrationBuilder.InsertData(
                table: "Identity_Roles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[,]
                {
                    { "role-expert", "seed-3", "Expert", "EXPERT" },
                    { "role-municipalofficer", "seed-2", "MunicipalOfficer", "MUNICIPALOFFICER" },
                    { "role-nationalviewer", "seed-4", "NationalViewer", "NATIONALVIEWER" },
                    { "role-prefectureadmin", "seed-0", "PrefectureAdmin", "PREFECTUREADMIN" },
                    { "role-prefecturestaff", "seed-1", "PrefectureStaff", "PREFECTURESTAFF" },
                    { "role-systemadmin", "seed-5", "SystemAdmin", "SYSTEMADMIN" }
                });

            migrationBuilder.InsertData(
                table: "Reference_MigrationSteps",
                columns: new[] { "Number", "Item", "ItemHeading", "Name", "StepId", "WorkbookName" },
                values: new object[,]
                {
                    { 1, "①", "推進体制の立ち上げ", "推進体制案の作成", "①-1", "推進体制案の作成" },
                    { 2, "①", "推進体制の立ち上げ", "関連部局との調整・担当者名簿の作成", "①-2", "関連部局との調整・担当者名簿の作成" },
                    { 3, "①", "推進体制の立ち上げ", "首長等への報告", "①-3", "首長等への報告" },
                    { 4, "②", "現行システムの概要調査", "現行システム環境の基礎調査（基礎情報・契約範囲等に係る調査）", "②-1", "現行システム環境の基礎調査（基礎情報・契約範囲等に係る調査）" },
                    { 5, "②", "現行システムの概要調査", "連携一覧の調査・作成", "②-2", "連携一覧の調査・作成" },
                    { 6, "②", "現行システムの概要調査", "移行に係る現行システムベンダとの打合せ・役割の認識合わせ", "②-3", "移行に係る現行システムベンダとの打合せ・役割の 認識合わせ" },
                    { 7, "②", "現行システムの概要調査", "概要調査結果の取りまとめ", "②-4", "概要調査結果の取りまとめ" },
                    { 8, "③", "標準仕様との比較分析", "標準化対象範囲の確認（標準仕様書と現行システムとを比較し調達範囲・単位の差異を洗い出し）", "③-1", "標準化対象範囲の確認（標準仕様書と現行システムとを比較し調達範囲・単位の差異を洗い出し）" },
                    { 9, "③", "標準仕様との比較分析", "Fit&Gap分析による課題（運用見直しが必要な業務等）の洗い出し", "③-2", "Fit&Gap分析による課題（運用見直しが必要な業務等） の洗い出し" },
                    { 10, "④", "移行計画の作成", "移行方針や調達範囲・単位の検討（周辺機器・外部委託含む）", "④-1", "移行方針や調達範囲・単位の検討 （周辺機器・外部委託含む）" },
                    { 11, "④", "移行計画の作成", "調達方式（指名型/公募型プロポーザル方式or総合評価落札方式or最低価格落札方式等）の検討", "④-2", "調達方式（指名型/公募型プロポーザル方式 or 総合評価 落札方式 or 最低価格落札方式等）の検討" },
                    { 12, "④", "移行計画の作成", "調達スケジュールの検討（RFI、RFP、予算計上、移行時期等）", "④-3", "調達スケジュールの検討 （RFI、RFP、予算計上、移行時期等）" },
                    { 13, "④", "移行計画の作成", "移行にあたっての課題と対策の整理", "④-4", "移行にあたっての課題と対策の整理" },
                    { 14, "⑤", "RFI資料の作成", "RFI資料の作成", "⑤-1", "RFI資料の作成" },
                    { 15, "⑤", "RFI資料の作成", "標準仕様書のうち「実装してもしなくても良い機能」に関する方針（求める機能の整理、優先順位付け）の決定", "⑤-2", "標準仕様書のうち「実装してもしなくても良い機能」 に関する方針（求める機能の整理、優先順位付け）の決定" },
                    { 16, "⑤", "RFI資料の作成", "標準準拠システム以外の情報システムに関するRFI資料の作成", "⑤-3", "標準準拠システム以外の情報システムに関するRFI資料の作成" },
                    { 17, "⑥", "RFI（情報提供依頼）", "RFI資料に関するベンダからの質問への回答", "⑥-1", "RFI資料に関するベンダからの質問への回答" },
                    { 18, "⑥", "RFI（情報提供依頼）", "ベンダからのRFI回答受領", "⑥-2", "ベンダからのRFI回答受領" },
                    { 19, "⑦", "移行計画の詳細化", "RFI結果の分析", "⑦-1", "RFI結果の分析" },
                    { 20, "⑦", "移行計画の詳細化", "移行計画の詳細化・変更", "⑦-2", "移行計画の詳細化・変更" },
                    { 21, "⑧", "予算要求", "予算根拠資料の作成", "⑧-1", "予算根拠資料の作成" },
                    { 22, "⑧", "予算要求", "予算要求・財政部局等との調整", "⑧-2", "予算要求・財政部局等との調整" },
                    { 23, "⑨", "RFP（提案依頼）", "RFP資料の作成", "⑨-1", "RFP資料の作成" },
                    { 24, "⑨", "RFP（提案依頼）", "RFP資料に関するベンダからの質問への回答", "⑨-2", "RFP資料に関するベンダからの質問への回答" },
                    { 25, "⑨", "RFP（提案依頼）", "ベンダからのRFP回答受領", "⑨-3", "ベンダからのRFP回答受領" },
                    { 26, "⑩", "ベンダ選定", "ベンダ評価の実施", "⑩-1", "ベンダ評価の実施" },
                    { 27, "⑩", "ベンダ選定", "ベンダの選定・決定", "⑩-2", "ベンダの選定・決定" },
                    { 28, "⑪", "契約・詳細スケジュールの確定", "ベンダとの契約協議の実施", "⑪-1", "ベンダとの契約協議の実施" },
                    { 29, "⑪", "契約・詳細スケジュールの確定", "システム移行に係る詳細スケジュールの確定", "⑪-2", "システム移行に係る詳細スケジュールの確定" },
                    { 30, "⑫", "特定個人情報保護評価", "特定個人情報保護評価（PIA）の実施", "⑫-1", "特定個人情報保護評価（PIA）の実施" },
                    { 31, "⑬", "システム移行時の設定", "システム移行時の設定（標準準拠システムの運用方法の検討・確定、システムの機能確認等）", "⑬-1", "システム移行時の設定（標準準拠システムの運用方法の検討・確定、システムの機能確認等）" },
                    { 32, "⑭", "データ移行", "データクレンジングや文字の同定基準に関するベンダとの調整", "⑭-1", "データクレンジングや文字の同定基準に関するベンダとの調整" },
                    { 33, "⑭", "データ移行", "データクレンジングの実施", "⑭-2", "データクレンジングの実施" },
                    { 34, "⑭", "データ移行", "最終データ移行の実施・結果確認", "⑭-3", "最終データ移行の実施・結果確認" },
                    { 35, "⑮", "テスト・研修", "テストの実施", "⑮-1", "テストの実施" },
                    { 36, "⑮", "テスト・研修", "研修の実施", "⑮-2", "研修の実施" },
                    { 37, "⑯", "既存環境の設定変更", "既存環境の設定変更に向けた調整（必要機器の調達等）", "⑯-1", "既存環境の設定変更に向けた調整（必要機器の調達等）" },
                    { 38, "⑯", "既存環境の設定変更", "既存環境の設定変更（標準準拠システムと庁内ネットワーク接続の設計、構築等）", "⑯-2", "既存環境の設定変更（標準準拠システムと庁内ネットワーク接続の設計、構築等）" },
                    { 39, "⑰", "条例・規則等の改正", "条例・規則の改正", "⑰-1", "条例・規則の改正" },
                    { 40, "⑱", "運用開始", "運用開始ステータス", "⑱-1", "運用開始ステータス" }
                });

            migrationBuilder.InsertData(
                table: "Reference_StandardBusinesses",
                columns: new[] { "Number", "OfficialName", "ReportedByPrefecture", "WorkbookName" },
                values: new object[,]
                {
                    { 1, "児童手当", false, "児童手当" },
                    { 2, "子ども・子育て支援", false, "子ども・子育て支援" },
                    { 3, "住民基本台帳", false, "住民記録" },
                    { 4, "戸籍の附票", false, "戸籍附票" },
                    { 5, "印鑑登録", false, "印鑑登録" },
                    { 6, "選挙人名簿管理", false, "選挙人名簿管理" },
                    { 7, "固定資産税", false, "固定資産税" },
                    { 8, "個人住民税", false, "個人住民税" },
                    { 9, "法人住民税", false, "法人住民税" },
                    { 10, "軽自動車税", false, "軽自動車税" },
                    { 11, "戸籍", false, "戸籍" },
                    { 12, "就学", false, "就学" },
                    { 13, "健康管理", false, "健康管理" },
                    { 14, "児童扶養手当", true, "児童扶養手当" },
                    { 15, "生活保護", true, "生活保護" },
                    { 16, "障害者福祉", false, "障害者福祉" },
                    { 17, "介護保険", false, "介護保険" },
                    { 18, "国民健康保険", false, "国民健康保険" },
                    { 19, "後期高齢者医療", false, "後期高齢者医療" },
                    { 20, "国民年金", false, "国民年金" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Identity_RoleClaims_RoleId",
                table: "Identity_RoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "Identity_Roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Identity_UserClaims_UserId",
                table: "Identity_UserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Identity_UserLogins_UserId",
                table: "Identity_UserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Identity_UserRoles_RoleId",
                table: "Identity_UserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "Identity_Users",
                columns: new[] { "TenantId", "NormalizedEmail" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Identity_Users_TenantId_OrganizationCode",
                table: "Identity_Users",
                columns: new[] { "TenantId", "OrganizationCode" });

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "Identity_Users",
                columns: new[] { "TenantId", "NormalizedUserName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_BusinessSystems_TenantId_OrganizationCode_Busines~",
                table: "Migration_BusinessSystems",
                columns: new[] { "TenantId", "OrganizationCode", "BusinessNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_BusinessTallies_TenantId_OrganizationCode_Busines~",
                table: "Migration_BusinessTallies",
                columns: new[] { "TenantId", "OrganizationCode", "BusinessNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_ImportRuns_CreatedAt",
                table: "Migration_ImportRuns",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Migration_NationalRows_PrefectureId_OrganizationCode_Busine~",
                table: "Migration_NationalRows",
                columns: new[] { "PrefectureId", "OrganizationCode", "BusinessNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_Settings_TenantId",
                table: "Migration_Settings",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_SnapshotRows_SnapshotId",
                table: "Migration_SnapshotRows",
                column: "SnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_Migration_SnapshotRows_TenantId_SnapshotId_OrganizationCode~",
                table: "Migration_SnapshotRows",
                columns: new[] { "TenantId", "SnapshotId", "OrganizationCode", "BusinessNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_Snapshots_TenantId_Month",
                table: "Migration_Snapshots",
                columns: new[] { "TenantId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepEvidence_OrganizationCode_BusinessNumber_Step~",
                table: "Migration_StepEvidence",
                columns: new[] { "OrganizationCode", "BusinessNumber", "StepNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepEvidence_TenantId_FileId",
                table: "Migration_StepEvidence",
                columns: new[] { "TenantId", "FileId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepProgress_TenantId_OrganizationCode_BusinessNu~",
                table: "Migration_StepProgress",
                columns: new[] { "TenantId", "OrganizationCode", "BusinessNumber", "StepNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepProgress_TenantId_Status_PlannedDate",
                table: "Migration_StepProgress",
                columns: new[] { "TenantId", "Status", "PlannedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepProgress_TenantId_UpdatedAt",
                table: "Migration_StepProgress",
                columns: new[] { "TenantId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepProgressChanges_OrganizationCode_ChangedAt",
                table: "Migration_StepProgressChanges",
                columns: new[] { "OrganizationCode", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepProgressChanges_TenantId_ChangedAt",
                table: "Migration_StepProgressChanges",
                columns: new[] { "TenantId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepTallies_TenantId_OrganizationCode_StepNumber",
                table: "Migration_StepTallies",
                columns: new[] { "TenantId", "OrganizationCode", "StepNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_AuditEntries_TenantId_OccurredAt",
                table: "Platform_AuditEntries",
                columns: new[] { "TenantId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Platform_FailedMessages_FailedAt",
                table: "Platform_FailedMessages",
                column: "FailedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Platform_Files_OrganizationCode",
                table: "Platform_Files",
                column: "OrganizationCode");

            migrationBuilder.CreateIndex(
                name: "IX_Platform_NotificationPreferences_TenantId_UserId",
                table: "Platform_NotificationPreferences",
                columns: new[] { "TenantId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_NotificationPreferences_UserId",
                table: "Platform_NotificationPreferences",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Platform_Notifications_TenantId_SourceKey",
                table: "Platform_Notifications",
                columns: new[] { "TenantId", "SourceKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Platform_Notifications_TenantId_UserId_CreatedAt",
                table: "Platform_Notifications",
                columns: new[] { "TenantId", "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Platform_Notifications_TenantId_UserId_ReadAt",
                table: "Platform_Notifications",
                columns: new[] { "TenantId", "UserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Platform_Notifications_UserId",
                table: "Platform_Notifications",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Platform_OrganizationChanges_OrganizationCode",
                table: "Platform_OrganizationChanges",
                column: "OrganizationCode");

            migrationBuilder.CreateIndex(
                name: "IX_Platform_Organizations_TenantId_Code",
                table: "Platform_Organizations",
                columns: new[] { "TenantId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_OutboxMessages_MessageId",
                table: "Platform_OutboxMessages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_OutboxMessages_SentAt_Sequence",
                table: "Platform_OutboxMessages",
                columns: new[] { "SentAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Platform_PendingEmails_TenantId_SentAt_IsDigestItem_Created~",
                table: "Platform_PendingEmails",
                columns: new[] { "TenantId", "SentAt", "IsDigestItem", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Platform_PendingEmails_UserId",
                table: "Platform_PendingEmails",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Platform_SentReminders_TenantId_Key",
                table: "Platform_SentReminders",
                columns: new[] { "TenantId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_ThreadAttachments_TenantId_FileId",
                table: "Platform_ThreadAttachments",
                columns: new[] { "TenantId", "FileId" },
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

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Agreements_TenantId_WorkspaceId",
                table: "Procurement_Agreements",
                columns: new[] { "TenantId", "WorkspaceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Agreements_WorkspaceId",
                table: "Procurement_Agreements",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_ApprovalRequests_RevisionId",
                table: "Procurement_ApprovalRequests",
                column: "RevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_ApprovalRequests_TenantId_RevisionId",
                table: "Procurement_ApprovalRequests",
                columns: new[] { "TenantId", "RevisionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_ApprovalRequests_WorkspaceId",
                table: "Procurement_ApprovalRequests",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_ApprovalVerdicts_RequestId",
                table: "Procurement_ApprovalVerdicts",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_ApprovalVerdicts_RevisionId",
                table: "Procurement_ApprovalVerdicts",
                column: "RevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_ApprovalVerdicts_TenantId_RequestId_Organizatio~",
                table: "Procurement_ApprovalVerdicts",
                columns: new[] { "TenantId", "RequestId", "OrganizationCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CasePublications_TenantId_CaseKey",
                table: "Procurement_CasePublications",
                columns: new[] { "TenantId", "CaseKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CasePublications_TenantId_WorkspaceId",
                table: "Procurement_CasePublications",
                columns: new[] { "TenantId", "WorkspaceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CasePublications_WorkspaceId",
                table: "Procurement_CasePublications",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CatalogueCases_CaseKey",
                table: "Procurement_CatalogueCases",
                column: "CaseKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CatalogueCases_PublishedAt",
                table: "Procurement_CatalogueCases",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CostShareLines_CostShareId",
                table: "Procurement_CostShareLines",
                column: "CostShareId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CostShareLines_TenantId_CostShareId_Organizatio~",
                table: "Procurement_CostShareLines",
                columns: new[] { "TenantId", "CostShareId", "OrganizationCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CostShares_WorkspaceId",
                table: "Procurement_CostShares",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Decisions_BasisRevisionId",
                table: "Procurement_Decisions",
                column: "BasisRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Decisions_WorkspaceId_DecidedOn",
                table: "Procurement_Decisions",
                columns: new[] { "WorkspaceId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_DocumentFolders_TenantId_WorkspaceId_Name",
                table: "Procurement_DocumentFolders",
                columns: new[] { "TenantId", "WorkspaceId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_DocumentFolders_WorkspaceId",
                table: "Procurement_DocumentFolders",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_DocumentRevisions_DocumentId",
                table: "Procurement_DocumentRevisions",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_DocumentRevisions_TenantId_DocumentId_Number",
                table: "Procurement_DocumentRevisions",
                columns: new[] { "TenantId", "DocumentId", "Number" },
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
                name: "IX_Procurement_IntentAnswers_OrganizationCode",
                table: "Procurement_IntentAnswers",
                column: "OrganizationCode");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_IntentAnswers_PollId",
                table: "Procurement_IntentAnswers",
                column: "PollId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_IntentAnswers_TenantId_PollId_OrganizationCode",
                table: "Procurement_IntentAnswers",
                columns: new[] { "TenantId", "PollId", "OrganizationCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_IntentPolls_WorkspaceId_ClosedAt",
                table: "Procurement_IntentPolls",
                columns: new[] { "WorkspaceId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Members_OrganizationCode_State",
                table: "Procurement_Members",
                columns: new[] { "OrganizationCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Members_TenantId_WorkspaceId_OrganizationCode",
                table: "Procurement_Members",
                columns: new[] { "TenantId", "WorkspaceId", "OrganizationCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Members_WorkspaceId",
                table: "Procurement_Members",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Milestones_WorkspaceId_DueOn",
                table: "Procurement_Milestones",
                columns: new[] { "WorkspaceId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_PhaseChanges_WorkspaceId",
                table: "Procurement_PhaseChanges",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_RevisionComments_RevisionId",
                table: "Procurement_RevisionComments",
                column: "RevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_RfiAnswers_ItemId",
                table: "Procurement_RfiAnswers",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_RfiAnswers_TenantId_ItemId_VendorName",
                table: "Procurement_RfiAnswers",
                columns: new[] { "TenantId", "ItemId", "VendorName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_RfiAnswers_WorkspaceId",
                table: "Procurement_RfiAnswers",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_RfiItems_WorkspaceId_Position",
                table: "Procurement_RfiItems",
                columns: new[] { "WorkspaceId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_SharedWorkspaces_OrganizationCode_State",
                table: "Procurement_SharedWorkspaces",
                columns: new[] { "OrganizationCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_SharedWorkspaces_TenantId_SourceTenant_SourceMe~",
                table: "Procurement_SharedWorkspaces",
                columns: new[] { "TenantId", "SourceTenant", "SourceMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_SpecificationAsks_OrganizationCode",
                table: "Procurement_SpecificationAsks",
                column: "OrganizationCode");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_SpecificationAsks_TenantId_RequestKey",
                table: "Procurement_SpecificationAsks",
                columns: new[] { "TenantId", "RequestKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_SpecificationRequests_TenantId_RequestKey",
                table: "Procurement_SpecificationRequests",
                columns: new[] { "TenantId", "RequestKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_SpecificationRequests_WorkspaceId",
                table: "Procurement_SpecificationRequests",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_VendorQuestionNotes_QuestionId",
                table: "Procurement_VendorQuestionNotes",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_VendorQuestions_WorkspaceId_ReceivedOn",
                table: "Procurement_VendorQuestions",
                columns: new[] { "WorkspaceId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Workspaces_LeadOrganizationCode",
                table: "Procurement_Workspaces",
                column: "LeadOrganizationCode");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_ExtensionRequests_ResponseId",
                table: "Surveys_ExtensionRequests",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_NationalChanges_NationalSurveyId_ChangedAt",
                table: "Surveys_NationalChanges",
                columns: new[] { "NationalSurveyId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_NationalReceived_TenantId_NationalSurveyId",
                table: "Surveys_NationalReceived",
                columns: new[] { "TenantId", "NationalSurveyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_NationalResults_NationalSurveyId_PrefectureId_Respo~",
                table: "Surveys_NationalResults",
                columns: new[] { "NationalSurveyId", "PrefectureId", "RespondentCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_ResponseEvents_ResponseId_At",
                table: "Surveys_ResponseEvents",
                columns: new[] { "ResponseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Responses_SurveyId",
                table: "Surveys_Responses",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Responses_TenantId_SurveyId_RespondentCode",
                table: "Surveys_Responses",
                columns: new[] { "TenantId", "SurveyId", "RespondentCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_SectionAssignments_ResponseId",
                table: "Surveys_SectionAssignments",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_SectionAssignments_TenantId_ResponseId_SectionKey",
                table: "Surveys_SectionAssignments",
                columns: new[] { "TenantId", "ResponseId", "SectionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Surveys_FiscalYear",
                table: "Surveys_Surveys",
                column: "FiscalYear");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Surveys_NationalSurveyId",
                table: "Surveys_Surveys",
                column: "NationalSurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Surveys_State_Deadline",
                table: "Surveys_Surveys",
                columns: new[] { "State", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Activities_AssignmentId_Date",
                table: "TalentPool_Activities",
                columns: new[] { "AssignmentId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_AdviserUses_AdviserId",
                table: "TalentPool_AdviserUses",
                column: "AdviserId");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Assignments_ExpertId_State",
                table: "TalentPool_Assignments",
                columns: new[] { "ExpertId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Assignments_OrganizationCode",
                table: "TalentPool_Assignments",
                column: "OrganizationCode");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Assignments_RequestId",
                table: "TalentPool_Assignments",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Availability_ExpertId",
                table: "TalentPool_Availability",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Experts_PoolId",
                table: "TalentPool_Experts",
                column: "PoolId");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Experts_UserId",
                table: "TalentPool_Experts",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_ExpertSkills_ExpertId",
                table: "TalentPool_ExpertSkills",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_ExpertSkills_SkillAreaId",
                table: "TalentPool_ExpertSkills",
                column: "SkillAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_ExpertSkills_TenantId_ExpertId_SkillAreaId",
                table: "TalentPool_ExpertSkills",
                columns: new[] { "TenantId", "ExpertId", "SkillAreaId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_ItStaff_TenantId_OrganizationCode",
                table: "TalentPool_ItStaff",
                columns: new[] { "TenantId", "OrganizationCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_MonthLoads_ExpertId",
                table: "TalentPool_MonthLoads",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_MonthLoads_TenantId_ExpertId_Month",
                table: "TalentPool_MonthLoads",
                columns: new[] { "TenantId", "ExpertId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Reports_AssignmentId",
                table: "TalentPool_Reports",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Reports_SubmittedAt_DueDate",
                table: "TalentPool_Reports",
                columns: new[] { "SubmittedAt", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Reports_TenantId_AssignmentId_Kind_ActivityId",
                table: "TalentPool_Reports",
                columns: new[] { "TenantId", "AssignmentId", "Kind", "ActivityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Requests_OrganizationCode_State",
                table: "TalentPool_Requests",
                columns: new[] { "OrganizationCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Requests_State",
                table: "TalentPool_Requests",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Satisfaction_RequestId",
                table: "TalentPool_Satisfaction",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Satisfaction_TenantId_RequestId",
                table: "TalentPool_Satisfaction",
                columns: new[] { "TenantId", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_SkillAreas_TenantId_Name",
                table: "TalentPool_SkillAreas",
                columns: new[] { "TenantId", "Name" },
                unique: true);
            migrationBuilder.ApplyTenantSecurity();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Identity_RoleClaims");

            migrationBuilder.DropTable(
                name: "Identity_UserClaims");

            migrationBuilder.DropTable(
                name: "Identity_UserLogins");

            migrationBuilder.DropTable(
                name: "Identity_UserRoles");

            migrationBuilder.DropTable(
                name: "Identity_UserTokens");

            migrationBuilder.DropTable(
                name: "Migration_BusinessSystems");

            migrationBuilder.DropTable(
                name: "Migration_BusinessTallies");

            migrationBuilder.DropTable(
                name: "Migration_ImportRunFiles");

            migrationBuilder.DropTable(
                name: "Migration_ImportRuns");

            migrationBuilder.DropTable(
                name: "Migration_NationalRows");

            migrationBuilder.DropTable(
                name: "Migration_NationalVersion");

            migrationBuilder.DropTable(
                name: "Migration_ProgressVersions");

            migrationBuilder.DropTable(
                name: "Migration_Settings");

            migrationBuilder.DropTable(
                name: "Migration_SnapshotRows");

            migrationBuilder.DropTable(
                name: "Migration_StepEvidence");

            migrationBuilder.DropTable(
                name: "Migration_StepProgress");

            migrationBuilder.DropTable(
                name: "Migration_StepProgressChanges");

            migrationBuilder.DropTable(
                name: "Migration_StepTallies");

            migrationBuilder.DropTable(
                name: "Platform_AuditEntries");

            migrationBuilder.DropTable(
                name: "Platform_DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Platform_FailedMessages");

            migrationBuilder.DropTable(
                name: "Platform_FileChunks");

            migrationBuilder.DropTable(
                name: "Platform_FileContents");

            migrationBuilder.DropTable(
                name: "Platform_Files");

            migrationBuilder.DropTable(
                name: "Platform_NotificationPreferences");

            migrationBuilder.DropTable(
                name: "Platform_Notifications");

            migrationBuilder.DropTable(
                name: "Platform_OrganizationChanges");

            migrationBuilder.DropTable(
                name: "Platform_Organizations");

            migrationBuilder.DropTable(
                name: "Platform_OutboxMessages");

            migrationBuilder.DropTable(
                name: "Platform_PendingEmails");

            migrationBuilder.DropTable(
                name: "Platform_ProcessedMessages");

            migrationBuilder.DropTable(
                name: "Platform_SentReminders");

            migrationBuilder.DropTable(
                name: "Platform_ThreadAttachments");

            migrationBuilder.DropTable(
                name: "Platform_ThreadMessages");

            migrationBuilder.DropTable(
                name: "Platform_Threads");

            migrationBuilder.DropTable(
                name: "Procurement_Agreements");

            migrationBuilder.DropTable(
                name: "Procurement_ApprovalVerdicts");

            migrationBuilder.DropTable(
                name: "Procurement_CasePublications");

            migrationBuilder.DropTable(
                name: "Procurement_CatalogueCases");

            migrationBuilder.DropTable(
                name: "Procurement_CostShareLines");

            migrationBuilder.DropTable(
                name: "Procurement_Decisions");

            migrationBuilder.DropTable(
                name: "Procurement_IntentAnswers");

            migrationBuilder.DropTable(
                name: "Procurement_Members");

            migrationBuilder.DropTable(
                name: "Procurement_Milestones");

            migrationBuilder.DropTable(
                name: "Procurement_PhaseChanges");

            migrationBuilder.DropTable(
                name: "Procurement_RevisionComments");

            migrationBuilder.DropTable(
                name: "Procurement_RfiAnswers");

            migrationBuilder.DropTable(
                name: "Procurement_SharedWorkspaces");

            migrationBuilder.DropTable(
                name: "Procurement_SpecificationAsks");

            migrationBuilder.DropTable(
                name: "Procurement_SpecificationRequests");

            migrationBuilder.DropTable(
                name: "Procurement_VendorQuestionNotes");

            migrationBuilder.DropTable(
                name: "Reference_MigrationSteps");

            migrationBuilder.DropTable(
                name: "Reference_StandardBusinesses");

            migrationBuilder.DropTable(
                name: "Surveys_Departments");

            migrationBuilder.DropTable(
                name: "Surveys_ExtensionRequests");

            migrationBuilder.DropTable(
                name: "Surveys_NationalChanges");

            migrationBuilder.DropTable(
                name: "Surveys_NationalReceived");

            migrationBuilder.DropTable(
                name: "Surveys_NationalResults");

            migrationBuilder.DropTable(
                name: "Surveys_ResponseEvents");

            migrationBuilder.DropTable(
                name: "Surveys_SectionAssignments");

            migrationBuilder.DropTable(
                name: "TalentPool_Activities");

            migrationBuilder.DropTable(
                name: "TalentPool_AdviserUses");

            migrationBuilder.DropTable(
                name: "TalentPool_Availability");

            migrationBuilder.DropTable(
                name: "TalentPool_ExpertSkills");

            migrationBuilder.DropTable(
                name: "TalentPool_ItStaff");

            migrationBuilder.DropTable(
                name: "TalentPool_MonthLoads");

            migrationBuilder.DropTable(
                name: "TalentPool_Reports");

            migrationBuilder.DropTable(
                name: "TalentPool_Satisfaction");

            migrationBuilder.DropTable(
                name: "Identity_Roles");

            migrationBuilder.DropTable(
                name: "Migration_Snapshots");

            migrationBuilder.DropTable(
                name: "Identity_Users");

            migrationBuilder.DropTable(
                name: "Procurement_ApprovalRequests");

            migrationBuilder.DropTable(
                name: "Procurement_CostShares");

            migrationBuilder.DropTable(
                name: "Procurement_IntentPolls");

            migrationBuilder.DropTable(
                name: "Procurement_RfiItems");

            migrationBuilder.DropTable(
                name: "Procurement_VendorQuestions");

            migrationBuilder.DropTable(
                name: "Surveys_NationalSurveys");

            migrationBuilder.DropTable(
                name: "Surveys_Responses");

            migrationBuilder.DropTable(
                name: "TalentPool_NationalAdvisers");

            migrationBuilder.DropTable(
                name: "TalentPool_SkillAreas");

            migrationBuilder.DropTable(
                name: "TalentPool_Assignments");

            migrationBuilder.DropTable(
                name: "Procurement_DocumentRevisions");

            migrationBuilder.DropTable(
                name: "Surveys_Surveys");

            migrationBuilder.DropTable(
                name: "TalentPool_Experts");

            migrationBuilder.DropTable(
                name: "TalentPool_Requests");

            migrationBuilder.DropTable(
                name: "Procurement_Documents");

            migrationBuilder.DropTable(
                name: "TalentPool_Pools");

            migrationBuilder.DropTable(
                name: "Procurement_DocumentFolders");

            migrationBuilder.DropTable(
                name: "Procurement_Workspaces");
        }
    }
}
