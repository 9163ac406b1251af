using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Identity;
using DxCollab.Surveys.Forms;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>What the relay and special-form tests share: a national survey to issue, and the answering and authoring steps
/// (submit as the 団体's officer, 差戻し, close) taken through the product's API.</summary>
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

    public static string ResponsePath(string tenant, long surveyId, string code) => $"/api/v1/{tenant}/surveys/{surveyId}/responses/{code}";

    /// <summary>The 団体's officer (a demo user) saves the answers as a draft and submits them through the answering API,
    /// as a municipality does: the product writes the answer, its state and the SurveyResponseSubmitted event.</summary>
    public static async Task SubmitAsync(AppFixture app, string tenant, long surveyId, string code, Dictionary<string, Answer> answers)
    {
        using var officer = await OfficerAsync(app, tenant, code);
        var path = ResponsePath(tenant, surveyId, code);
        var version = (await officer.GetFromJsonAsync<JsonElement>(path)).GetProperty("version").GetInt32();
        using (var saved = await officer.PutAsJsonAsync(path, new { version, answers }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
            version = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        }
        using var submitted = await officer.PostAsJsonAsync($"{path}/submit", new { version });
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("Submitted");
    }

    /// <summary>差戻し by the prefecture's staff through the API.</summary>
    public static async Task ReturnAsync(HttpClient staff, string tenant, long surveyId, string code, string comment = "数値を確認して再提出してください。")
    {
        using var returned = await staff.PostAsJsonAsync($"{ResponsePath(tenant, surveyId, code)}/return", new { comment });
        returned.StatusCode.ShouldBe(HttpStatusCode.OK, await returned.Content.ReadAsStringAsync());
    }

    /// <summary>Closes the survey through the authoring API as the tenant's demo administrator.</summary>
    public static async Task CloseAsync(AppFixture app, string tenant, long surveyId, bool confirm = false)
    {
        using var staff = await app.SignInAsync(tenant, $"pref.admin@{tenant}.example");
        using var closed = await staff.PostAsync($"/api/v1/{tenant}/surveys/{surveyId}/close{(confirm ? "?confirm=true" : "")}", null);
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
    }

    /// <summary>Signs in as the demo officer of the 団体 (豊中市, 千早赤阪村, 笠置町).</summary>
    public static Task<HttpClient> OfficerAsync(AppFixture app, string tenant, string code)
    {
        var officer = DemoData.Users.FirstOrDefault(u => u.TenantId == tenant && u.OrganizationCode == code && u.Role == Roles.MunicipalOfficer)
                      ?? throw new InvalidOperationException($"No demo officer of {code} in {tenant}.");
        return app.SignInAsync(tenant, officer.Email);
    }
}
