using System.Net;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.Procurement.ProcurementTestData;
using static DxCollab.IntegrationTests.Procurement.WorkspaceTestData;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>The pages without script: open a workspace from the form, run a 意向調査 (the lead opens it, a candidate answers
/// 条件付き参加 — first without conditions, kept and refused — the lead closes), and the home and members pages show the
/// result; an invitation is accepted from the list page.</summary>
public abstract partial class WorkspacePagesTests(AppFixture fixture) : AppTest(fixture)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<string> HtmlAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, html);
        return WebUtility.HtmlDecode(html);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? handler, params (string Name, string Value)[] fields)
    {
        var token = TokenPattern().Match(await HtmlAsync(await client.GetAsync(path), HttpStatusCode.OK)).Groups[1].Value;
        return await client.PostAsync(handler is null ? path : $"{path}?handler={handler}", new FormUrlEncodedContent([new("__RequestVerificationToken", token),
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]));
    }

    [Fact]
    public async Task The_lead_opens_a_workspace_runs_the_poll_and_the_conditional_joiner_appears_on_the_member_list()
    {
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaEmail);
        (await HtmlAsync(await toyonaka.GetAsync("/osaka/procurement"), HttpStatusCode.OK)).ShouldContain("共同調達を始める");
        (await HtmlAsync(await PostAsync(toyonaka, "/osaka/procurement/new", null, ("Subject", "RPA"), ("Title", " ")), HttpStatusCode.BadRequest))
            .ShouldContain("名称（例: ビジネスチャット共同調達 令和8年度）を入力してください。");
        var created = await PostAsync(toyonaka, "/osaka/procurement/new", null, ("Subject", "RPA"), ("Title", "RPA共同調達"));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var home = created.Headers.Location!.OriginalString;
        var id = long.Parse(home.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        (await HtmlAsync(await toyonaka.GetAsync(home), HttpStatusCode.OK)).ShouldContain("検討<span class=\"visually-hidden\">（現在のフェーズ）</span>");

        var opened = await PostAsync(toyonaka, $"/osaka/procurement/{id}/polls", null, ("Question", "RPA の共同調達に参加しますか"), ("Deadline", "2031-03-31"));
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var pollPage = opened.Headers.Location!.OriginalString;

        using var chihaya = await App.SignInAsync("osaka", ChihayaEmail);
        (await HtmlAsync(await chihaya.GetAsync("/osaka/procurement"), HttpStatusCode.OK)).ShouldContain("回答をお願いしている意向調査");
        (await HtmlAsync(await PostAsync(chihaya, pollPage, "Answer", ("Choice", "Conditional"), ("Conditions", "")), HttpStatusCode.BadRequest))
            .ShouldContain("条件付き参加の場合は、参加の条件を入力してください。");
        (await PostAsync(chihaya, pollPage, "Answer", ("Choice", "Conditional"), ("Conditions", "議会の承認後に参加"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await HtmlAsync(await chihaya.GetAsync(pollPage), HttpStatusCode.OK)).ShouldNotContain("団体ごとの回答");

        var results = await HtmlAsync(await toyonaka.GetAsync(pollPage), HttpStatusCode.OK);
        results.ShouldContain("<tr><th scope=\"row\">千早赤阪村</th><td>条件付き参加</td><td>議会の承認後に参加</td>");
        (await PostAsync(toyonaka, pollPage, "Close")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var members = await HtmlAsync(await toyonaka.GetAsync($"/osaka/procurement/{id}/members"), HttpStatusCode.OK);
        members.ShouldContain("議会の承認後に参加");
        (await HtmlAsync(await chihaya.GetAsync(home), HttpStatusCode.OK)).ShouldContain("意向調査<span class=\"visually-hidden\">（現在のフェーズ）</span>");
    }

    [Fact]
    public async Task An_invited_officer_accepts_on_the_list_page_and_a_removed_member_is_listed_among_past_members()
    {
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaEmail);
        using var chihaya = await App.SignInAsync("osaka", ChihayaEmail);
        var id = await CreateWorkspaceAsync(toyonaka);
        var memberId = await InviteAsync(toyonaka, id, Chihayaakasaka);
        (await HtmlAsync(await chihaya.GetAsync("/osaka/procurement"), HttpStatusCode.OK)).ShouldContain("招待中の共同調達");
        var accepted = await PostAsync(chihaya, "/osaka/procurement", "Accept", ("workspaceId", $"{id}"), ("memberId", $"{memberId}"));
        accepted.Headers.Location!.OriginalString.ShouldBe($"/osaka/procurement/{id}");

        (await HtmlAsync(await PostAsync(toyonaka, $"/osaka/procurement/{id}/members", "Remove", ("memberId", $"{memberId}"), ("reason", "")),
            HttpStatusCode.BadRequest)).ShouldContain("除外の理由を入力してください。");
        (await PostAsync(toyonaka, $"/osaka/procurement/{id}/members", "Remove", ("memberId", $"{memberId}"), ("reason", "体制が整わないため")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await HtmlAsync(await toyonaka.GetAsync($"/osaka/procurement/{id}"), HttpStatusCode.OK)).ShouldContain("千早赤阪村（除外");
        (await chihaya.GetAsync($"/osaka/procurement/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_WorkspacePages(SqliteAppFixture fixture) : WorkspacePagesTests(fixture);
