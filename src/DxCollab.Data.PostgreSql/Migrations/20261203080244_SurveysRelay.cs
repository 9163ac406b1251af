using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DxCollab.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SurveysRelay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Surveys_NationalReceived",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NationalSurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReferenceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    FormJson = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RelayedSurveyId = table.Column<long>(type: "bigint", nullable: true),
                    RelayedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RelayedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    FinalizedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinalizedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_NationalReceived", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_NationalSurveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReferenceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    FormJson = table.Column<string>(type: "text", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_NationalSurveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_NationalChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NationalSurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PrefectureId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RespondentCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RespondentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    QuestionKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Before = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    After = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_NationalChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_NationalChanges_Surveys_NationalSurveys_NationalSur~",
                        column: x => x.NationalSurveyId,
                        principalTable: "Surveys_NationalSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_NationalResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NationalSurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PrefectureId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RespondentCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RespondentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_NationalResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_NationalResults_Surveys_NationalSurveys_NationalSur~",
                        column: x => x.NationalSurveyId,
                        principalTable: "Surveys_NationalSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_NationalChanges_NationalSurveyId_ChangedAt",
                table: "Surveys_NationalChanges",
                columns: new[] { "NationalSurveyId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_NationalReceived_NationalSurveyId_TenantId",
                table: "Surveys_NationalReceived",
                columns: new[] { "NationalSurveyId", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_NationalResults_NationalSurveyId_PrefectureId_Respo~",
                table: "Surveys_NationalResults",
                columns: new[] { "NationalSurveyId", "PrefectureId", "RespondentCode" },
                unique: true);
            migrationBuilder.ApplyTenantSecurity();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Surveys_NationalChanges");

            migrationBuilder.DropTable(
                name: "Surveys_NationalReceived");

            migrationBuilder.DropTable(
                name: "Surveys_NationalResults");

            migrationBuilder.DropTable(
                name: "Surveys_NationalSurveys");
        }
    }
}
