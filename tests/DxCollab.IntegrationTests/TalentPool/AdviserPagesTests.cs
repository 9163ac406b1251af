using System.Net;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.TalentPool.PoolTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>The national adviser catalogue's page (/ops/talent/advisers) as plain form posts: the SystemAdmin adds and
/// edits advisers, a mistake keeps what was typed and names the field, and a prefecture user never opens it.</summary>
public abstract partial class AdviserPagesTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Page = "/ops/talent/advisers";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<string> HtmlAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, html);
        return WebUtility.HtmlDecode(html);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        var token = TokenPattern().Match(await HtmlAsync(await client.GetAsync(path), HttpStatusCode.OK)).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token),
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]));
    }

    [Fact]
    public async Task The_SystemAdmin_adds_an_adviser_a_mistake_keeps_the_input_then_edits_it_and_sees_the_change()
    {
        var name = $"情報 花子 {Guid.NewGuid().ToString("N")[..6]}";
        using var ops = await App.SignInAsync(null, "ops@dxcollab.example");
        (await HtmlAsync(await ops.GetAsync(Page), HttpStatusCode.OK)).ShouldContain("<h1>国のアドバイザー名簿</h1>");
        // The SystemAdmin's menu leads here from the other host pages.
        (await HtmlAsync(await ops.GetAsync("/ops/organizations"), HttpStatusCode.OK)).ShouldContain("href=\"/ops/talent/advisers\"");

        var refused = await HtmlAsync(await PostAsync(ops, Page, ("Name", name), ("Scheme", " "), ("Affiliation", "総務省派遣"), ("Active", "true"), ("Active", "false")),
            HttpStatusCode.BadRequest);
        refused.ShouldContain("制度名（例: 地域情報化アドバイザー）を入力してください。");
        refused.ShouldContain("href=\"#adviser-scheme\"");
        refused.ShouldContain($"value=\"{name}\"");
        refused.ShouldContain("value=\"総務省派遣\"");

        using (var added = await PostAsync(ops, Page, ("Name", name), ("Scheme", "地域情報化アドバイザー"), ("Affiliation", "総務省派遣"),
                   ("Skills", "情報セキュリティ"), ("Active", "true"), ("Active", "false")))
        {
            added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
            added.Headers.Location!.OriginalString.ShouldBe(Page);
        }
        var list = await HtmlAsync(await ops.GetAsync(Page), HttpStatusCode.OK);
        list.ShouldContain($"<th scope=\"row\">{name}</th>");
        list.ShouldContain($"{name} さんを名簿に追加しました。");
        var edit = Regex.Match(list, $"href=\"([^\"]+)\">{Regex.Escape(name)} さんを編集").Groups[1].Value;
        edit.ShouldStartWith($"{Page}?edit=");

        (await HtmlAsync(await ops.GetAsync(edit), HttpStatusCode.OK)).ShouldContain("value=\"総務省派遣\"");
        // Unticked: only the hidden false arrives.
        using (var changed = await PostAsync(ops, edit, ("Name", name), ("Scheme", "地域情報化アドバイザー"), ("Affiliation", "大学"), ("Active", "false")))
            changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        list = await HtmlAsync(await ops.GetAsync(Page), HttpStatusCode.OK);
        var row = Regex.Match(list, $"<th scope=\"row\">{Regex.Escape(name)}</th>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        row.ShouldContain("<td>大学</td>");
        row.ShouldContain("名簿から外した");
        (await ops.GetAsync($"{Page}?edit=999999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_prefecture_user_and_a_national_viewer_get_403_on_the_page_and_their_post_adds_nobody()
    {
        using var admin = await App.SignInAsync("osaka", Admin);
        var name = $"勝手 {Guid.NewGuid().ToString("N")[..6]}";
        // A post without the page's token (they never get one) is refused too, and nobody is added.
        using (var posted = await admin.PostAsync(Page, new FormUrlEncodedContent([new("Name", name), new("Scheme", "地域情報化アドバイザー")])))
            ((int)posted.StatusCode).ShouldBeInRange(400, 403);
        using (var opened = await admin.GetAsync(Page))
            opened.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var national = await App.SignInAsync(null, "national@dxcollab.example");
        using (var opened = await national.GetAsync(Page))
            opened.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var ops = await App.SignInAsync(null, "ops@dxcollab.example");
        (await HtmlAsync(await ops.GetAsync(Page), HttpStatusCode.OK)).ShouldNotContain(name);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_AdviserPages(SqliteAppFixture fixture) : AdviserPagesTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_AdviserPages(PostgresAppFixture fixture) : AdviserPagesTests(fixture);
