using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DxCollab.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OverdueStepIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Migration_StepProgress_TenantId_PlannedDate",
                table: "Migration_StepProgress");

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepProgress_TenantId_Status_PlannedDate",
                table: "Migration_StepProgress",
                columns: new[] { "TenantId", "Status", "PlannedDate" });
            migrationBuilder.ApplyTenantSecurity();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Migration_StepProgress_TenantId_Status_PlannedDate",
                table: "Migration_StepProgress");

            migrationBuilder.CreateIndex(
                name: "IX_Migration_StepProgress_TenantId_PlannedDate",
                table: "Migration_StepProgress",
                columns: new[] { "TenantId", "PlannedDate" });
        }
    }
}
