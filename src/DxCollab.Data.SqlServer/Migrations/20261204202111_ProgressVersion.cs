using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DxCollab.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ProgressVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Migration_ProgressVersions",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_ProgressVersions", x => x.TenantId);
                });
            migrationBuilder.ApplyTenantSecurity();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Migration_ProgressVersions");
        }
    }
}
