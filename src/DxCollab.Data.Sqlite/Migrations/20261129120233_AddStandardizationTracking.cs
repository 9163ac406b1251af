using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DxCollab.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddStandardizationTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Migration_BusinessSystems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    BusinessNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    IsEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsSpecificMigrationSupport = table.Column<bool>(type: "INTEGER", nullable: false),
                    SpecificSupportReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SpecificSupportPlannedCompletion = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TransitionalMeasures = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VendorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TargetGoLive = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_BusinessSystems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_StepProgress",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    BusinessNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    StepNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlannedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActualDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_StepProgress", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_StepProgressChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganizationCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    BusinessNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    StepNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlannedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActualDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_StepProgressChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Migration_BusinessSystems_OrganizationCode_BusinessNumber_TenantId",
                table: "Migration_BusinessSystems",
                columns: new[] { "OrganizationCode", "BusinessNumber", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepProgress_OrganizationCode_BusinessNumber_StepNumber_TenantId",
                table: "Migration_StepProgress",
                columns: new[] { "OrganizationCode", "BusinessNumber", "StepNumber", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepProgressChanges_OrganizationCode_ChangedAt",
                table: "Migration_StepProgressChanges",
                columns: new[] { "OrganizationCode", "ChangedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Migration_BusinessSystems");

            migrationBuilder.DropTable(
                name: "Migration_StepProgress");

            migrationBuilder.DropTable(
                name: "Migration_StepProgressChanges");
        }
    }
}
