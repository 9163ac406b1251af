using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DxCollab.Data.Sqlite.Migrations
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
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Migration_ProgressVersions", x => x.TenantId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Migration_ProgressVersions");
        }
    }
}
