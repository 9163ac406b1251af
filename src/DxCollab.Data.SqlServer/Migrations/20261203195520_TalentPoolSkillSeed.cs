using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DxCollab.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class TalentPoolSkillSeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SeedName",
                table: "TalentPool_SkillAreas",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);
            migrationBuilder.ApplyTenantSecurity();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SeedName",
                table: "TalentPool_SkillAreas");
        }
    }
}
