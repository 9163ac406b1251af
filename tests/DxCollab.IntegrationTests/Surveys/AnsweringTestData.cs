using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Text;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>Surveys and their roster written straight through the DbContext (authoring is another slice): a published
/// survey with one question of most types, a response per roster entry.</summary>
internal static class AnsweringTestData
{
    public const string Toyonaka = "272035", Chihayaakasaka = "273830", Kasagi = "263648";

    public static SurveyForm Form() => new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "basic", Title = "基本情報",
                Questions =
                [
                    new Question { Key = "staff", Type = QuestionType.Integer, Text = "情報部門の職員数", Unit = "人", Min = 0, Max = 10000, Required = true },
                    new Question { Key = "uses-ai", Type = QuestionType.YesNo, Text = "生成AIを利用していますか", Required = true },
                    new Question { Key = "ai-tool", Type = QuestionType.SingleChoice, Text = "主に利用しているツール", Required = true, AllowOther = true,
                        Options = [new("chat", "対話型AI"), new("ocr", "AI-OCR")], ShowIf = new("uses-ai", ["yes"]) },
                    new Question { Key = "memo", Type = QuestionType.LongText, Text = "課題" },
                ],
            },
            new FormSection
            {
                Key = "docs", Title = "資料",
                Questions = [new Question { Key = "plan", Type = QuestionType.File, Text = "DX推進計画" }],
            },
        ],
    };

    /// <summary>A survey of <paramref name="tenantId"/> with a response per roster code; returns its id.</summary>
    public static Task<long> CreateSurveyAsync(this AppFixture app, string tenantId, string[] roster, SurveyState state = SurveyState.Published,
        int deadlineInDays = 30, string title = "生成AIの利用状況調査") =>
        app.InTenantAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<DxCollabDbContext>();
            var deadline = JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow).AddDays(deadlineInDays);
            var survey = new Survey
            {
                Title = title, Purpose = "生成AIの利用状況を把握するため", LegalBasis = "地方自治法第245条の4", Contact = "DX推進課 06-0000-0000",
                Deadline = deadline, FiscalYear = JapaneseCalendar.FiscalYear(deadline), State = state, Form = Form(),
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, PublishedAt = state == SurveyState.Draft ? null : DateTime.UtcNow,
            };
            db.Add(survey);
            await db.SaveChangesAsync();
            foreach (var code in roster) db.Add(new SurveyResponse { SurveyId = survey.Id, RespondentCode = code });
            await db.SaveChangesAsync();
            return survey.Id;
        });

    public static Task<long> CreateDepartmentAsync(this AppFixture app, string tenantId, string name) =>
        app.InTenantAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<DxCollabDbContext>();
            var department = new SurveyDepartment { Name = name };
            db.Add(department);
            await db.SaveChangesAsync();
            return department.Id;
        });

    public static Task UpdateResponseAsync(this AppFixture app, string tenantId, long surveyId, string code, Action<SurveyResponse> change) =>
        app.InTenantAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<DxCollabDbContext>();
            var response = await db.Set<SurveyResponse>().SingleAsync(r => r.SurveyId == surveyId && r.RespondentCode == code);
            change(response);
            await db.SaveChangesAsync();
        });

    public static Task UpdateSurveyAsync(this AppFixture app, string tenantId, long surveyId, Action<Survey> change) =>
        app.InTenantAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<DxCollabDbContext>();
            change(await db.Set<Survey>().SingleAsync(s => s.Id == surveyId));
            await db.SaveChangesAsync();
        });

    /// <summary>SurveyResponseSubmitted events stored in the outbox for the survey.</summary>
    public static Task<int> SubmittedEventsAsync(this AppFixture app, string tenantId, long surveyId, string code) =>
        app.InTenantAsync(tenantId, services => services.GetRequiredService<DxCollabDbContext>().OutboxMessages.IgnoreQueryFilters()
            .CountAsync(m => m.Tenant == tenantId && m.AggregateKey == $"survey-response:{surveyId}:{code}"
                && m.MessageType.StartsWith("DxCollab.Surveys.Contracts.SurveyResponseSubmitted")));

    public static Task<List<ResponseEventKind>> EventsAsync(this AppFixture app, string tenantId, long surveyId, string code) =>
        app.InTenantAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<DxCollabDbContext>();
            var id = await db.Set<SurveyResponse>().Where(r => r.SurveyId == surveyId && r.RespondentCode == code).Select(r => r.Id).SingleAsync();
            return await db.Set<SurveyResponseEvent>().Where(e => e.ResponseId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
        });
}
