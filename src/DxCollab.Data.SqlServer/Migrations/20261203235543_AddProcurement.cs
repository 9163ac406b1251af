using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DxCollab.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AddProcurement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Platform_FileChunks",
                columns: table => new
                {
                    FileId = table.Column<long>(type: "bigint", nullable: false),
                    Index = table.Column<int>(type: "int", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_FileChunks", x => new { x.FileId, x.Index });
                });

            migrationBuilder.CreateTable(
                name: "Procurement_CatalogueCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CaseKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SourceTenant = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    SourceWorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    LeadOrganizationName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    MemberNames = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    MemberCount = table.Column<int>(type: "int", nullable: false),
                    TotalPopulation = table.Column<long>(type: "bigint", nullable: true),
                    InitialCost = table.Column<long>(type: "bigint", nullable: true),
                    AnnualCost = table.Column<long>(type: "bigint", nullable: true),
                    Process = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    SpecificationShareable = table.Column<bool>(type: "bit", nullable: false),
                    FinishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SearchKey = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    SourceTenant = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    SourceWorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    SourceMemberId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    OrganizationName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    LeadName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Phase = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    InvitedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AnsweredBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RequestKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SourceTenant = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecisionNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    LeadOrganizationCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    Phase = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_Workspaces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_Agreements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SignatoryCodes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    FileId = table.Column<long>(type: "bigint", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    CaseKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SpecificationShareable = table.Column<bool>(type: "bit", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PublishedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_CasePublications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_CasePublications_Procurement_Workspaces_WorkspaceId",
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    InitialCost = table.Column<long>(type: "bigint", nullable: false),
                    AnnualCost = table.Column<long>(type: "bigint", nullable: false),
                    EqualPercent = table.Column<int>(type: "int", nullable: false),
                    PopulationPercent = table.Column<int>(type: "int", nullable: false),
                    RemainderOrganizationCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    DecisionId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_DocumentFolders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_DocumentFolders_Procurement_Workspaces_WorkspaceId",
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    Question = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    OpenedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    OrganizationName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    OrganizationTenant = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Role = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    InvitedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EndedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    EndedReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Conditions = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OwnerOrganizationCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    OwnerOrganizationName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    DoneAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DoneBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ChangedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RequestKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    RequesterTenant = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RequesterOrganizationCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    RequesterOrganizationName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    DecisionNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_SpecificationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_SpecificationRequests_Procurement_Workspaces_WorkspaceId",
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    VendorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Answer = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AnsweredBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublishedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_VendorQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_VendorQuestions_Procurement_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Procurement_Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_CostShareLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CostShareId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    OrganizationName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Population = table.Column<long>(type: "bigint", nullable: false),
                    InitialShare = table.Column<long>(type: "bigint", nullable: false),
                    AnnualShare = table.Column<long>(type: "bigint", nullable: false),
                    TakesRemainder = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_CostShareLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_CostShareLines_Procurement_CostShares_CostShareId",
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    FolderId = table.Column<long>(type: "bigint", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Confidentiality = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    LatestNumber = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    PollId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    OrganizationName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Choice = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Conditions = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AnsweredBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    VendorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Answer = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    QuestionId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: true),
                    Author = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_VendorQuestionNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_VendorQuestionNotes_Procurement_VendorQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "Procurement_VendorQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Procurement_DocumentRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    DocumentId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    FileId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ChangeNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UploadedByOrganizationCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_DocumentRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_DocumentRevisions_Procurement_Documents_DocumentId",
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    RevisionId = table.Column<long>(type: "bigint", nullable: false),
                    AskedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AskedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_ApprovalRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_ApprovalRequests_Procurement_DocumentRevisions_RevisionId",
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkspaceId = table.Column<long>(type: "bigint", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Matter = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    BasisRevisionId = table.Column<long>(type: "bigint", nullable: true),
                    AttendeeCodes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_Decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_Decisions_Procurement_DocumentRevisions_BasisRevisionId",
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RevisionId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: true),
                    Body = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    WrittenBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_RevisionComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_RevisionComments_Procurement_DocumentRevisions_RevisionId",
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    RevisionId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    OrganizationName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Approved = table.Column<bool>(type: "bit", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Procurement_ApprovalVerdicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Procurement_ApprovalVerdicts_Procurement_ApprovalRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Procurement_ApprovalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Agreements_WorkspaceId_TenantId",
                table: "Procurement_Agreements",
                columns: new[] { "WorkspaceId", "TenantId" },
                unique: true);

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
                name: "IX_Procurement_ApprovalVerdicts_RequestId_OrganizationCode_TenantId",
                table: "Procurement_ApprovalVerdicts",
                columns: new[] { "RequestId", "OrganizationCode", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_ApprovalVerdicts_RevisionId",
                table: "Procurement_ApprovalVerdicts",
                column: "RevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CasePublications_CaseKey_TenantId",
                table: "Procurement_CasePublications",
                columns: new[] { "CaseKey", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CasePublications_WorkspaceId_TenantId",
                table: "Procurement_CasePublications",
                columns: new[] { "WorkspaceId", "TenantId" },
                unique: true);

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
                name: "IX_Procurement_CostShareLines_CostShareId_OrganizationCode_TenantId",
                table: "Procurement_CostShareLines",
                columns: new[] { "CostShareId", "OrganizationCode", "TenantId" },
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
                name: "IX_Procurement_Members_OrganizationCode_State",
                table: "Procurement_Members",
                columns: new[] { "OrganizationCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_Members_WorkspaceId_OrganizationCode_TenantId",
                table: "Procurement_Members",
                columns: new[] { "WorkspaceId", "OrganizationCode", "TenantId" },
                unique: true);

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
                name: "IX_Procurement_RfiAnswers_ItemId_VendorName_TenantId",
                table: "Procurement_RfiAnswers",
                columns: new[] { "ItemId", "VendorName", "TenantId" },
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
                name: "IX_Procurement_SharedWorkspaces_TenantId_SourceTenant_SourceMemberId",
                table: "Procurement_SharedWorkspaces",
                columns: new[] { "TenantId", "SourceTenant", "SourceMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_SpecificationAsks_OrganizationCode",
                table: "Procurement_SpecificationAsks",
                column: "OrganizationCode");

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_SpecificationAsks_RequestKey_TenantId",
                table: "Procurement_SpecificationAsks",
                columns: new[] { "RequestKey", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_SpecificationRequests_RequestKey_TenantId",
                table: "Procurement_SpecificationRequests",
                columns: new[] { "RequestKey", "TenantId" },
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
            migrationBuilder.ApplyTenantSecurity();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Platform_FileChunks");

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
                name: "Procurement_DocumentRevisions");

            migrationBuilder.DropTable(
                name: "Procurement_Documents");

            migrationBuilder.DropTable(
                name: "Procurement_DocumentFolders");

            migrationBuilder.DropTable(
                name: "Procurement_Workspaces");
        }
    }
}
