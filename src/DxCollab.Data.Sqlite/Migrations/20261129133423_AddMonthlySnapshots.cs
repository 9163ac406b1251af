using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DxCollab.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddMonthlySnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Migration_Snapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TakenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_Snapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Migration_SnapshotRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SnapshotId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrganizationType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    BusinessNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Completed = table.Column<int>(type: "INTEGER", nullable: false),
                    InProgress = table.Column<int>(type: "INTEGER", nullable: false),
                    NotStarted = table.Column<int>(type: "INTEGER", nullable: false),
                    NotApplicable = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "IX_Migration_SnapshotRows_SnapshotId_OrganizationCode_BusinessNumber_TenantId",
                table: "Migration_SnapshotRows",
                columns: new[] { "SnapshotId", "OrganizationCode", "BusinessNumber", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Migration_Snapshots_Month_TenantId",
                table: "Migration_Snapshots",
                columns: new[] { "Month", "TenantId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Migration_SnapshotRows");

            migrationBuilder.DropTable(
                name: "Migration_Snapshots");
        }
    }
}
