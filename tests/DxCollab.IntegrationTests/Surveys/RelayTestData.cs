using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Messaging;
using DxCollab.Surveys.Contracts;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>What the relay and special-form tests share: a national survey to issue, and a submission made the way the
/// answering slice makes one (answers, state and the <see cref="SurveyResponseSubmitted"/> event in one transaction).</summary>
internal static class RelayTestData
{
    public const string NationalPath = "/api/v1/national/surveys";

    public static object NationalSurvey(string title = "令和8年度 自治体DX・情報化推進概要") => new
    {
        title,
        purpose = "地方公共団体における行政の情報化の推進状況を把握するため",
        referenceDate = "2026-04-01",
        deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)).ToString("yyyy-MM-dd"),
        sections = new object[]
        {
            new
            {
                key = "ai", title = "生成AIの利用状況",
                questions = new object[]
                {
                    new { key = "ai-use", type = "SingleChoice", text = "生成AIを業務で利用していますか。", required = true,
                        options = new[] { new { value = "yes", label = "導入済み" }, new { value = "trial", label = "実証中" }, new { value = "no", label = "未導入" } } },
                    new { key = "ai-staff", type = "Integer", text = "生成AIを利用できる職員数", unit = "人" },
                },
            },
            new
            {
                key = "cio", title = "推進体制",
                questions = new object[] { new { key = "cio-staff", type = "Integer", text = "情報政策担当部門の職員数（4月1日現在）", unit = "人" } },
            },
        },
    };

    public static async Task<Guid> IssueAsync(HttpClient national, object? survey = null)
    {
        using var response = await national.PostAsJsonAsync(NationalPath, survey ?? NationalSurvey());
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Polls until <paramref name="check"/> returns a value (the bus delivers asynchronously).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> check, string what, int seconds = 20) where T : class
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(seconds); ; await Task.Delay(200))
        {
            if (await check() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not reached within {seconds} s: {what}");
        }
    }

    /// <summary>Polls until <paramref name="check"/> returns a JSON value.</summary>
    public static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement?>> check, string what, int seconds = 20)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(seconds); ; await Task.Delay(200))
        {
            if (await check() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not reached within {seconds} s: {what}");
        }
    }

    public static Task<JsonElement> ReceivedAsync(HttpClient staff, string tenant, Guid nationalId) => EventuallyAsync(async () =>
    {
        var items = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/{tenant}/surveys/national");
        var found = items.EnumerateArray().Where(i => i.GetProperty("nationalSurveyId").GetGuid() == nationalId).ToList();
        return found.Count == 1 ? found[0] : (JsonElement?)null;
    }, $"{tenant} receives national survey {nationalId}");

    public static Answer Value(string value) => new() { Value = value };

    /// <summary>What the answering slice's submit does: answers and 提出済 saved with the event, in one transaction.</summary>
    public static Task SubmitAsync(AppFixture app, string tenant, long surveyId, string code, Dictionary<string, Answer> answers, DateTime? at = null) =>
        app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var response = await db.Set<SurveyResponse>().SingleAsync(r => r.SurveyId == surveyId && r.RespondentCode == code);
            var now = at ?? DateTime.UtcNow;
            response.AnswersJson = new AnswerSet { Answers = answers }.ToJson();
            response.State = ResponseState.Submitted;
            response.SubmittedAt = now;
            response.SubmittedBy = "test@" + code;
            response.LastActivityAt = now;
            response.Version++;
            db.AddIntegrationEvent(new SurveyResponseSubmitted(tenant, surveyId, code, now), $"survey:{surveyId}");
            await db.SaveChangesAsync();
        });

    public static Task SetSurveyStateAsync(AppFixture app, string tenant, long surveyId, SurveyState state) =>
        app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var survey = await db.Set<Survey>().SingleAsync(s => s.Id == surveyId);
            survey.State = state;
            if (state == SurveyState.Closed) survey.ClosedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });
}
