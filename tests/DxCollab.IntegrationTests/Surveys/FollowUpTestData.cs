using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>Surveys and responses written straight through the DbContext (authoring and answering are other slices):
/// what publishing and answering would have left in the tables.</summary>
internal static class FollowUpTestData
{
    public const string Toyonaka = "272035", Ikeda = "272043", Suita = "272051", Chihayaakasaka = "273830", Osakashi = "271004";

    public static SurveyForm Form() => new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "s1", Title = "体制",
                Questions =
                [
                    new Question { Key = "uses", Type = QuestionType.YesNo, Text = "生成AIを利用していますか" },
                    new Question { Key = "tools", Type = QuestionType.MultipleChoice, Text = "利用しているツール", AllowOther = true,
                        Options = [new("chat", "対話型AI"), new("ocr", "AI-OCR")], ShowIf = new("uses", ["yes"]) },
                    new Question { Key = "staff", Type = QuestionType.Integer, Text = "情報部門の職員数", Unit = "人" },
                    new Question { Key = "note", Type = QuestionType.LongText, Text = "課題" },
                    new Question { Key = "plan", Type = QuestionType.File, Text = "計画書" },
                ],
            },
            new FormSection
            {
                Key = "s2", Title = "経費",
                Questions =
                [
                    new Question
                    {
                        Key = "cost", Type = QuestionType.Table, Text = "業務ごとの経費",
                        Rows = [new("juki", "住民記録"), new("zei", "個人住民税")], Columns = [new("yearly", "年額", QuestionType.Integer, "千円")],
                    },
                ],
            },
        ],
    };

    public static AnswerSet Answers(string uses, string[]? tools = null, string? staff = null, string? note = null, long[]? files = null,
        string? jukiCost = null)
    {
        var set = new AnswerSet();
        set.Answers["uses"] = new Answer { Value = uses };
        if (tools is not null) set.Answers["tools"] = new Answer { Choices = [.. tools] };
        if (staff is not null) set.Answers["staff"] = new Answer { Value = staff };
        if (note is not null) set.Answers["note"] = new Answer { Value = note };
        if (files is not null) set.Answers["plan"] = new Answer { FileIds = [.. files] };
        if (jukiCost is not null) set.Answers["cost"] = new Answer { Cells = new() { ["juki"] = new() { ["yearly"] = jukiCost } } };
        return set;
    }

    public static Task<long> SurveyAsync(this AppFixture app, string tenant, DateOnly deadline, SurveyState state = SurveyState.Published,
        SurveyForm? form = null, bool confidential = false, long? copiedFrom = null, string title = "生成AIの利用状況調査") =>
        app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var survey = new Survey
            {
                Title = title, Deadline = deadline, State = state, IsConfidential = confidential, CopiedFromSurveyId = copiedFrom,
                FiscalYear = deadline.Month >= 4 ? deadline.Year : deadline.Year - 1, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                PublishedAt = state == SurveyState.Draft ? null : DateTime.UtcNow, ClosedAt = state == SurveyState.Closed ? DateTime.UtcNow : null,
            };
            survey.Form = form ?? Form();
            db.Add(survey);
            await db.SaveChangesAsync();
            return survey.Id;
        });

    public static Task<long> ResponseAsync(this AppFixture app, string tenant, long surveyId, string code, ResponseState state = ResponseState.NotStarted,
        AnswerSet? answers = null, DateOnly? extendedDeadline = null, DateTime? lastActivity = null, string? by = null) =>
        app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var response = new SurveyResponse
            {
                SurveyId = surveyId, RespondentCode = code, State = state, AnswersJson = (answers ?? new AnswerSet()).ToJson(),
                ExtendedDeadline = extendedDeadline, LastActivityAt = lastActivity, LastSavedAt = lastActivity, LastSavedBy = by,
                SubmittedAt = state == ResponseState.Submitted ? lastActivity ?? DateTime.UtcNow : null,
                SubmittedBy = state == ResponseState.Submitted ? by : null,
            };
            db.Add(response);
            await db.SaveChangesAsync();
            return response.Id;
        });

    public static Task<long> DepartmentAsync(this AppFixture app, string tenant, string name) => app.InTenantAsync(tenant, async sp =>
    {
        var db = sp.GetRequiredService<DxCollabDbContext>();
        var department = new SurveyDepartment { Name = name };
        db.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    });

    public record Notice(string Title, string Body, string? Link);

    public static Task<List<Notice>> InboxAsync(this AppFixture app, string tenant, string email) => app.InTenantAsync(tenant, async sp =>
    {
        var db = sp.GetRequiredService<DxCollabDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return await db.Notifications.Where(n => n.UserId == user.Id).OrderBy(n => n.Id).Select(n => new Notice(n.Title, n.Body, n.Link)).ToListAsync();
    });
}
