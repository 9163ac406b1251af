using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DxCollab.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ProcurementVendors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_Procurement_CostShareLines_CostShareId_OrganizationCode_Ten~",
                table: "Procurement_CostShareLines",
                columns: new[] { "CostShareId", "OrganizationCode", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Procurement_CostShares_WorkspaceId",
                table: "Procurement_CostShares",
                column: "WorkspaceId");

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
            migrationBuilder.ApplyTenantSecurity();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Procurement_CasePublications");

            migrationBuilder.DropTable(
                name: "Procurement_CatalogueCases");

            migrationBuilder.DropTable(
                name: "Procurement_CostShareLines");

            migrationBuilder.DropTable(
                name: "Procurement_RfiAnswers");

            migrationBuilder.DropTable(
                name: "Procurement_SpecificationAsks");

            migrationBuilder.DropTable(
                name: "Procurement_SpecificationRequests");

            migrationBuilder.DropTable(
                name: "Procurement_VendorQuestionNotes");

            migrationBuilder.DropTable(
                name: "Procurement_CostShares");

            migrationBuilder.DropTable(
                name: "Procurement_RfiItems");

            migrationBuilder.DropTable(
                name: "Procurement_VendorQuestions");
        }
    }
}
