using System.Net;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.TalentPool.ActivityTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>The activity slice's pages without JavaScript: the expert's list, the assignment page's activity form (a
/// refusal keeps what was typed and names the field), the officer reading without forms, another expert kept out, and
/// the prefecture's board with an overdue report.</summary>
public abstract partial class ActivityPagesTests(AppFixture fixture) : AppTest(fixture)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<string> HtmlAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"{path} → {response.Headers.Location} {html}");
        return html;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        var token = WebUtility.HtmlDecode(TokenPattern().Match(await HtmlAsync(client, path.Split('?')[0])).Groups[1].Value);
        var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await client.PostAsync(path, form);
    }

    [Fact]
    public async Task The_expert_logs_a_visit_on_the_page_a_refusal_keeps_the_text_and_the_visit_report_appears_with_its_due_date()
    {
        var a = await App.AssignmentAsync();
        using var expert = await App.ExpertClientAsync(a);
        var page = $"/osaka/talent/assignments/{a.AssignmentId}";
        (await HtmlAsync(expert, "/osaka/talent/my")).ShouldContain($"href=\"/osaka/talent/assignments/{a.AssignmentId}\"");

        using var refused = await PostAsync(expert, page + "?handler=Log", ("Date", a.Today.AddDays(1).ToString("yyyy-MM-dd")), ("Hours", "2"),
            ("Mode", "OnSite"), ("Summary", "庁内の調達手順を確認"));
        var html = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
        html.ShouldContain("これから行う活動は記録できません");
        html.ShouldContain("href=\"#activity-date\"");
        html.ShouldContain(">庁内の調達手順を確認</textarea>");

        var visit = a.StartMonth.AddDays(1);
        using var logged = await PostAsync(expert, page + "?handler=Log", ("Date", visit.ToString("yyyy-MM-dd")), ("Hours", "2"),
            ("Mode", "OnSite"), ("Summary", "庁内の調達手順を確認"));
        logged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        html = await HtmlAsync(expert, page);
        html.ShouldContain("庁内の調達手順を確認</td>");
        html.ShouldContain("訪問後の報告（期限 ");
        html.ShouldContain("開庁日過ぎています");
        html.ShouldContain("name=\"Body\"");

        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var officer = await HtmlAsync(toyonaka, page);
        officer.ShouldContain("庁内の調達手順を確認</td>");
        officer.ShouldNotContain("handler=Log");
        officer.ShouldNotContain("name=\"Body\"");

        using var staff = await App.SignInAsync("osaka", StaffEmail);
        var other = UniqueExpertEmail();
        await App.ExpertAsync(staff, other, "別の 専門家");
        using var otherExpert = await App.SignInAsync("osaka", other, ExpertPassword);
        await HtmlAsync(otherExpert, page, HttpStatusCode.NotFound);
        (await HtmlAsync(otherExpert, "/osaka/talent/my")).ShouldNotContain($"/osaka/talent/assignments/{a.AssignmentId}");

        var board = await HtmlAsync(staff, "/osaka/talent/reports");
        board.ShouldContain("期限を過ぎた報告（1 件）");
        board.ShouldContain("開庁日超過");
        board.ShouldContain("豊中市（272035）");
        await HtmlAsync(expert, "/osaka/talent/reports", HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_ActivityPages(SqliteAppFixture fixture) : ActivityPagesTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_ActivityPages(PostgresAppFixture fixture) : ActivityPagesTests(fixture);
