using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DxCollab.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StepDateIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepProgressChanges_TenantId_ChangedAt",
                table: "Migration_StepProgressChanges",
                columns: new[] { "TenantId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepProgress_TenantId_PlannedDate",
                table: "Migration_StepProgress",
                columns: new[] { "TenantId", "PlannedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepProgress_TenantId_UpdatedAt",
                table: "Migration_StepProgress",
                columns: new[] { "TenantId", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Migration_StepProgressChanges_TenantId_ChangedAt",
                table: "Migration_StepProgressChanges");

            migrationBuilder.DropIndex(
                name: "IX_Migration_StepProgress_TenantId_PlannedDate",
                table: "Migration_StepProgress");

            migrationBuilder.DropIndex(
                name: "IX_Migration_StepProgress_TenantId_UpdatedAt",
                table: "Migration_StepProgress");
        }
    }
}
