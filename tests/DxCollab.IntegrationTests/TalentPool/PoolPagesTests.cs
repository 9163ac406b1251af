using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.TalentPool.PoolTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>The pool's pages as the staff use them without JavaScript: list with filters, profile, edit form (a refusal
/// shown beside the form, nothing saved), skill taxonomy and advisers; officers and kyoto are kept out.</summary>
public abstract class PoolPagesTests(AppFixture fixture) : AppTest(fixture)
{
    private static async Task<string> PageAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body.Length > 500 ? body[..500] : body);
        return body;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? handler = null)
    {
        var html = await PageAsync(client, path);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(
            Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        return await client.PostAsync(handler is null ? path : $"{path}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Staff_open_every_pool_page_and_the_list_filters_by_free_text()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var id = await CreateExpertAsync(admin, Profile($"ページ 太郎 {tag}"));
        await CreateExpertAsync(admin, Profile($"別の 人 {tag}x"));

        var list = await PageAsync(admin, $"/osaka/talent/experts?q={Uri.EscapeDataString("ぺーじ")}");
        list.ShouldContain($"ページ 太郎 {tag}");
        list.ShouldNotContain($"別の 人 {tag}x");
        (await PageAsync(admin, $"/osaka/talent/experts/{id}")).ShouldContain("特別交付税（0.7）");
        (await PageAsync(admin, $"/osaka/talent/experts/{id}/edit")).ShouldContain("標準化・ガバメントクラウド移行");
        (await PageAsync(admin, "/osaka/talent/experts/new")).ShouldContain("任用形態");
        (await PageAsync(admin, "/osaka/talent/skills")).ShouldContain("人材育成");
        (await PageAsync(admin, "/osaka/talent/advisers")).ShouldContain("訪問3日・オンライン10時間");
    }

    [Fact]
    public async Task The_edit_form_saves_skills_and_capacity_and_a_bad_capacity_is_shown_beside_the_form_without_saving()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var id = await CreateExpertAsync(admin, Profile($"編集 花子 {Guid.NewGuid():N}"));
        var security = await SkillIdAsync(admin, "情報セキュリティ");
        var path = $"/osaka/talent/experts/{id}/edit";
        Dictionary<string, string> Fields(string capacity) => new()
        {
            ["Form.Name"] = "編集 花子", ["Form.EngagementForm"] = "SideJob", ["Form.MonthlyCapacityHours"] = capacity, ["Form.FundingTag"] = "OwnFunds",
            [$"Form.Levels[{security}]"] = "3", ["Form.Availability[0].From"] = "2027-04-01", ["Form.Availability[0].To"] = "2027-09-30",
        };

        var refused = await PostFormAsync(admin, path, Fields("900"));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("0〜744 時間");
        (await admin.GetFromJsonAsync<JsonElement>($"{Experts}/{id}")).GetProperty("monthlyCapacityHours").GetInt32().ShouldBe(40);

        (await PostFormAsync(admin, path, Fields("25"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await admin.GetFromJsonAsync<JsonElement>($"{Experts}/{id}");
        saved.GetProperty("monthlyCapacityHours").GetInt32().ShouldBe(25);
        saved.GetProperty("skills")[0].GetProperty("level").GetInt32().ShouldBe(3);
        saved.GetProperty("availability")[0].GetProperty("to").GetString().ShouldBe("2027-09-30");
        (await PageAsync(admin, $"/osaka/talent/experts/{id}")).ShouldContain("令和9年9月30日");
    }

    [Fact]
    public async Task Officers_are_refused_the_staff_pages_and_kyoto_cannot_open_osakas_expert()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var id = await CreateExpertAsync(admin, Profile("大阪 専門"));
        using var officer = await App.SignInAsync("osaka", Toyonaka);
        foreach (var page in new[] { "experts", "experts/new", $"experts/{id}/edit", "skills", "advisers" })
            (await officer.GetAsync($"/osaka/talent/{page}")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        (await officer.GetAsync($"/osaka/talent/experts/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        (await kyoto.GetAsync($"/kyoto/talent/experts/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await kyoto.GetAsync($"/kyoto/talent/experts/{id}/edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_PoolPages(SqliteAppFixture fixture) : PoolPagesTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_PoolPages(PostgresAppFixture fixture) : PoolPagesTests(fixture);
