using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DxCollab.Data.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NationalSurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReferenceDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FormJson = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RelayedSurveyId = table.Column<long>(type: "INTEGER", nullable: true),
                    RelayedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RelayedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FinalizedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinalizedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_NationalReceived", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_NationalSurveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReferenceDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FormJson = table.Column<string>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_NationalSurveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_NationalChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NationalSurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PrefectureId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RespondentCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RespondentName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    QuestionKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_NationalChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_NationalChanges_Surveys_NationalSurveys_NationalSurveyId",
                        column: x => x.NationalSurveyId,
                        principalTable: "Surveys_NationalSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_NationalResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NationalSurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PrefectureId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RespondentCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RespondentName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_NationalResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_NationalResults_Surveys_NationalSurveys_NationalSurveyId",
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
                name: "IX_Surveys_NationalResults_NationalSurveyId_PrefectureId_RespondentCode",
                table: "Surveys_NationalResults",
                columns: new[] { "NationalSurveyId", "PrefectureId", "RespondentCode" },
                unique: true);
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
