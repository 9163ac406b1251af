using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DxCollab.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AddTalentPool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentPool_SkillAreas", x => x.Id);
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
                name: "IX_TalentPool_ExpertSkills_ExpertId_SkillAreaId_TenantId",
                table: "TalentPool_ExpertSkills",
                columns: new[] { "ExpertId", "SkillAreaId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_ExpertSkills_SkillAreaId",
                table: "TalentPool_ExpertSkills",
                column: "SkillAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_ItStaff_TenantId_OrganizationCode",
                table: "TalentPool_ItStaff",
                columns: new[] { "TenantId", "OrganizationCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_MonthLoads_ExpertId_Month_TenantId",
                table: "TalentPool_MonthLoads",
                columns: new[] { "ExpertId", "Month", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Reports_AssignmentId_Kind_ActivityId_TenantId",
                table: "TalentPool_Reports",
                columns: new[] { "AssignmentId", "Kind", "ActivityId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Reports_SubmittedAt_DueDate",
                table: "TalentPool_Reports",
                columns: new[] { "SubmittedAt", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Requests_OrganizationCode_State",
                table: "TalentPool_Requests",
                columns: new[] { "OrganizationCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Requests_State",
                table: "TalentPool_Requests",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_TalentPool_Satisfaction_RequestId_TenantId",
                table: "TalentPool_Satisfaction",
                columns: new[] { "RequestId", "TenantId" },
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
                name: "TalentPool_NationalAdvisers");

            migrationBuilder.DropTable(
                name: "TalentPool_SkillAreas");

            migrationBuilder.DropTable(
                name: "TalentPool_Assignments");

            migrationBuilder.DropTable(
                name: "TalentPool_Experts");

            migrationBuilder.DropTable(
                name: "TalentPool_Requests");

            migrationBuilder.DropTable(
                name: "TalentPool_Pools");
        }
    }
}
