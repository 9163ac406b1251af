using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DxCollab.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MoveFilesToPlatform : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The tenant policy is schema-bound to the tables: drop it for the rename, ApplyTenantSecurity rebuilds it.
            migrationBuilder.Sql("IF OBJECT_ID(N'security.TenantPolicy', N'SP') IS NOT NULL DROP SECURITY POLICY security.TenantPolicy;");
            // Keep every 証跡 and attachment: the tables move (rows, ids and the identity/sequence with them), nothing is copied.
            migrationBuilder.RenameTable(name: "Migration_Files", newName: "Platform_Files");
            migrationBuilder.RenameTable(name: "Migration_FileContents", newName: "Platform_FileContents");
            migrationBuilder.RenameIndex(name: "IX_Migration_Files_OrganizationCode", table: "Platform_Files", newName: "IX_Platform_Files_OrganizationCode");
            migrationBuilder.Sql("EXEC sp_rename N'[PK_Migration_Files]', N'PK_Platform_Files', N'OBJECT';");
            migrationBuilder.Sql("EXEC sp_rename N'[PK_Migration_FileContents]', N'PK_Platform_FileContents', N'OBJECT';");
            migrationBuilder.ApplyTenantSecurity();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The tenant policy is schema-bound to the tables: drop it for the rename, ApplyTenantSecurity rebuilds it.
            migrationBuilder.Sql("IF OBJECT_ID(N'security.TenantPolicy', N'SP') IS NOT NULL DROP SECURITY POLICY security.TenantPolicy;");
            migrationBuilder.RenameTable(name: "Platform_Files", newName: "Migration_Files");
            migrationBuilder.RenameTable(name: "Platform_FileContents", newName: "Migration_FileContents");
            migrationBuilder.RenameIndex(name: "IX_Platform_Files_OrganizationCode", table: "Migration_Files", newName: "IX_Migration_Files_OrganizationCode");
            migrationBuilder.Sql("EXEC sp_rename N'[PK_Platform_Files]', N'PK_Migration_Files', N'OBJECT';");
            migrationBuilder.Sql("EXEC sp_rename N'[PK_Platform_FileContents]', N'PK_Migration_FileContents', N'OBJECT';");
            migrationBuilder.ApplyTenantSecurity();
        }
    }
}
