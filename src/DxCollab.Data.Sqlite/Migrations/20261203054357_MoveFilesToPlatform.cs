using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DxCollab.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MoveFilesToPlatform : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Keep every 証跡 and attachment: the tables move (rows, ids and the identity/sequence with them), nothing is copied.
            migrationBuilder.RenameTable(name: "Migration_Files", newName: "Platform_Files");
            migrationBuilder.RenameTable(name: "Migration_FileContents", newName: "Platform_FileContents");
            migrationBuilder.RenameIndex(name: "IX_Migration_Files_OrganizationCode", table: "Platform_Files", newName: "IX_Platform_Files_OrganizationCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(name: "Platform_Files", newName: "Migration_Files");
            migrationBuilder.RenameTable(name: "Platform_FileContents", newName: "Migration_FileContents");
            migrationBuilder.RenameIndex(name: "IX_Platform_Files_OrganizationCode", table: "Migration_Files", newName: "IX_Migration_Files_OrganizationCode");
        }
    }
}
