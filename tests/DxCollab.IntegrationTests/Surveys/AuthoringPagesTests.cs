using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Text;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>The authoring pages as their readers see them (server-rendered, no JavaScript), and the questions about a
/// survey: a respondent reads only its own threads; another 団体's is "not found".</summary>
public abstract class AuthoringPagesTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Api = "/api/v1/osaka/surveys";

    private DateOnly OpenDay() => App.Factory.Services.GetRequiredService<BusinessCalendar>()
        .MoveDeadline(JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow).AddDays(21), DeadlineShift.Later);

    private static async Task<string> PageAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body.Length > 500 ? body[..500] : body);
        return body;
    }

    /// <summary>Published to every municipality, with a yes/no question and a conditional one.</summary>
    private async Task<long> PublishedAsync(HttpClient admin, string title)
    {
        using var created = await admin.PostAsJsonAsync(Api, new
        {
            title, legalBasis = "地方自治法第245条の4", contact = "DX推進課", deadline = OpenDay().ToString("yyyy-MM-dd"),
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await admin.PutAsJsonAsync($"{Api}/{id}/form", new
        {
            sections = new[] { new { key = "", title = "体制", questions = new object[] { new { key = "", type = "YesNo", text = "CIO補佐官を置いていますか" } } } },
        })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"{Api}/{id}/roster", new { mode = "All" })).EnsureSuccessStatusCode();
        (await admin.PostAsync($"{Api}/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task Staff_see_every_authoring_page_and_an_officer_sees_its_list_and_detail_only()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var id = await PublishedAsync(admin, "CIO補佐官の配置状況");

        var list = await PageAsync(admin, "/osaka/surveys");
        list.ShouldContain("CIO補佐官の配置状況");
        list.ShouldContain("0 / ");
        var detail = await PageAsync(admin, $"/osaka/surveys/{id}");
        detail.ShouldContain("地方自治法第245条の4");
        detail.ShouldContain("令和");
        detail.ShouldContain($"/osaka/surveys/{id}/status");
        foreach (var page in new[] { "new", $"{id}/edit", $"{id}/questions", $"{id}/copy", "departments", $"{id}/threads" })
            await PageAsync(admin, $"/osaka/surveys/{page}");

        var own = await PageAsync(toyonaka, "/osaka/surveys");
        own.ShouldContain("CIO補佐官の配置状況");
        own.ShouldContain("未着手");
        (await PageAsync(toyonaka, $"/osaka/surveys/{id}")).ShouldContain($"/osaka/surveys/{id}/answer/272035");
        foreach (var page in new[] { "new", $"{id}/edit", $"{id}/questions", $"{id}/copy", "departments" })
            await PageAsync(toyonaka, $"/osaka/surveys/{page}", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_builder_adds_a_conditional_question_and_refuses_a_choice_without_options_next_to_the_form()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var created = await admin.PostAsJsonAsync(Api, new { title = "ビルダー", legalBasis = "通知", contact = "DX推進課", deadline = OpenDay().ToString("yyyy-MM-dd") });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var path = $"/osaka/surveys/{id}/questions";

        // Antiforgery: the page's own token and cookie, as a browser would send them.
        async Task<HttpResponseMessage> PostAsync(string handler, Dictionary<string, string> fields)
        {
            var html = await PageAsync(admin, path);
            var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            fields["__RequestVerificationToken"] = token;
            return await admin.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(fields));
        }

        (await PostAsync("AddQuestion", new() { ["Input.Type"] = "YesNo", ["Input.Text"] = "テレワークを導入していますか" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync("AddQuestion", new()
        {
            ["Input.Type"] = "MultipleChoice", ["Input.Text"] = "導入している部署", ["Input.Options"] = "全庁\n一部の課", ["Input.AllowOther"] = "true",
            ["Input.ShowIfKey"] = "q1", ["Input.ShowIfValues"] = "yes",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await PostAsync("AddQuestion", new() { ["Input.Type"] = "SingleChoice", ["Input.Text"] = "理由" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("選択肢を 1 つ以上");
        html.ShouldContain("理由"); // the typed text is kept

        var form = (await admin.GetFromJsonAsync<JsonElement>($"{Api}/{id}")).GetProperty("form").GetProperty("sections")[0].GetProperty("questions");
        form.GetArrayLength().ShouldBe(2);
        form[1].GetProperty("key").GetString().ShouldBe("q2");
        form[1].GetProperty("showIf").GetProperty("questionKey").GetString().ShouldBe("q1");
        form[1].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("label").GetString()).ShouldBe(["全庁", "一部の課"]);
    }

    [Fact]
    public async Task A_respondent_asks_about_a_survey_the_staff_answer_and_another_body_never_sees_the_thread()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        var id = await PublishedAsync(admin, "質問のある照会");

        var html = await PageAsync(toyonaka, $"/osaka/surveys/{id}/threads");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var asked = await toyonaka.PostAsync($"/osaka/surveys/{id}/threads", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Title"] = "問2の対象期間", ["Body"] = "令和7年度末時点でよいですか。", ["__RequestVerificationToken"] = token,
        }));
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var threadPath = asked.Headers.Location!.ToString();
        threadPath.ShouldStartWith($"/osaka/surveys/{id}/threads/");

        (await PageAsync(admin, $"/osaka/surveys/{id}/threads")).ShouldContain("問2の対象期間");
        (await PageAsync(admin, threadPath)).ShouldContain("令和7年度末時点でよいですか。");
        (await PageAsync(chihaya, $"/osaka/surveys/{id}/threads")).ShouldNotContain("問2の対象期間");
        await PageAsync(chihaya, threadPath, HttpStatusCode.NotFound);
        // The thread is not reachable under another survey's address either.
        var other = await PublishedAsync(admin, "別の照会");
        await PageAsync(toyonaka, threadPath.Replace($"/surveys/{id}/", $"/surveys/{other}/"), HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_AuthoringPages(SqliteAppFixture fixture) : AuthoringPagesTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_AuthoringPages(PostgresAppFixture fixture) : AuthoringPagesTests(fixture);
