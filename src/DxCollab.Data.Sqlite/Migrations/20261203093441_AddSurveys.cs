using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DxCollab.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddSurveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Surveys_Departments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_Departments", x => x.Id);
                });

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
                name: "Surveys_Surveys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    IsConfidential = table.Column<bool>(type: "INTEGER", nullable: false),
                    CopiedFromSurveyId = table.Column<long>(type: "INTEGER", nullable: true),
                    NationalSurveyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RosterRuleJson = table.Column<string>(type: "TEXT", nullable: false),
                    FormJson = table.Column<string>(type: "TEXT", nullable: false),
                    FormRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_Surveys", x => x.Id);
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

            migrationBuilder.CreateTable(
                name: "Surveys_Responses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SurveyId = table.Column<long>(type: "INTEGER", nullable: false),
                    RespondentCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtendedDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastSavedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSavedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReturnComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastActivityAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_Responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_Responses_Surveys_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys_Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_ExtensionRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SurveyId = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseId = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecisionComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_ExtensionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_ExtensionRequests_Surveys_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Surveys_Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_ResponseEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SurveyId = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_ResponseEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_ResponseEvents_Surveys_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Surveys_Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys_SectionAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SurveyId = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseId = table.Column<long>(type: "INTEGER", nullable: false),
                    SectionKey = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AssigneeUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    InternalDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys_SectionAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_SectionAssignments_Surveys_Responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "Surveys_Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_ExtensionRequests_ResponseId",
                table: "Surveys_ExtensionRequests",
                column: "ResponseId");

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

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_ResponseEvents_ResponseId_At",
                table: "Surveys_ResponseEvents",
                columns: new[] { "ResponseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Responses_SurveyId_RespondentCode_TenantId",
                table: "Surveys_Responses",
                columns: new[] { "SurveyId", "RespondentCode", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_SectionAssignments_ResponseId_SectionKey_TenantId",
                table: "Surveys_SectionAssignments",
                columns: new[] { "ResponseId", "SectionKey", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Surveys_FiscalYear",
                table: "Surveys_Surveys",
                column: "FiscalYear");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Surveys_NationalSurveyId",
                table: "Surveys_Surveys",
                column: "NationalSurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Surveys_State_Deadline",
                table: "Surveys_Surveys",
                columns: new[] { "State", "Deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Surveys_Departments");

            migrationBuilder.DropTable(
                name: "Surveys_ExtensionRequests");

            migrationBuilder.DropTable(
                name: "Surveys_NationalChanges");

            migrationBuilder.DropTable(
                name: "Surveys_NationalReceived");

            migrationBuilder.DropTable(
                name: "Surveys_NationalResults");

            migrationBuilder.DropTable(
                name: "Surveys_ResponseEvents");

            migrationBuilder.DropTable(
                name: "Surveys_SectionAssignments");

            migrationBuilder.DropTable(
                name: "Surveys_NationalSurveys");

            migrationBuilder.DropTable(
                name: "Surveys_Responses");

            migrationBuilder.DropTable(
                name: "Surveys_Surveys");
        }
    }
}
