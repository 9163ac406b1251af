using System.Net;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.TalentPool.RequestTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>The guided intake and the request's page as plain form posts (no script): a mistake shows every message
/// beside its question and keeps what was typed and attached; the confirmation shows 和暦; the 「相談したい」 conversation
/// is answered on the request's page.</summary>
public abstract partial class RequestPagesTests(AppFixture fixture) : AppTest(fixture)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<(string Html, string Token)> OpenAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return (html, WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value));
    }

    private static MultipartFormDataContent Form(string token, (string Name, byte[] Bytes)? file, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        if (file is { } f) form.Add(new ByteArrayContent(f.Bytes), "Uploads", f.Name);
        return form;
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, html);
        return WebUtility.HtmlDecode(html);
    }

    [Fact]
    public async Task A_mistake_keeps_the_typed_text_and_the_attached_file_and_the_confirmed_request_is_受付_in_the_list()
    {
        using var officer = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        var (cards, _) = await OpenAsync(officer, "/osaka/talent/requests/new");
        cards.ShouldContain("標準化の移行計画を見てほしい");
        cards.ShouldContain("相談したい（何を頼めばよいか分からない）");
        var (questions, token) = await OpenAsync(officer, "/osaka/talent/requests/new?theme=specification");
        questions.ShouldContain("何を調達しますか");

        var from = Today.AddDays(20);
        using var incomplete = Form(token, ("仕様書案.pdf", Pdf), ("Form.Theme", "specification"), ("Form.Answers[target]", "庁内ネットワークの更新"),
            ("Form.Description", "年度内に公告したいです。"), ("Form.PreferredFrom", Day(from)), ("Form.Mode", "OnSite"));
        var refused = await HtmlAsync(await officer.PostAsync("/osaka/talent/requests/new?handler=Confirm", incomplete), HttpStatusCode.BadRequest);
        refused.ShouldContain("「調達はどの段階ですか」の答えを選んでください。");
        refused.ShouldContain("「仕様書の案はありますか」の答えを選んでください。");
        refused.ShouldContain("庁内ネットワークの更新</textarea>");
        refused.ShouldContain("年度内に公告したいです。</textarea>");
        refused.ShouldContain($"value=\"{Day(from)}\"");
        refused.ShouldContain("添付済み: 仕様書案.pdf");
        var fileId = Regex.Match(refused, "name=\"Form.FileIds\\[0\\]\" value=\"(\\d+)\"").Groups[1].Value;
        fileId.ShouldNotBeEmpty();

        using var complete = Form(token, null, ("Form.Theme", "specification"), ("Form.Answers[target]", "庁内ネットワークの更新"),
            ("Form.Answers[stage]", "仕様書をつくっている"), ("Form.Answers[draft]", "ある（添付します）"), ("Form.Description", "年度内に公告したいです。"),
            ("Form.PreferredFrom", Day(from)), ("Form.Mode", "OnSite"), ("Form.FileIds[0]", fileId), ("Form.FileNames[0]", "仕様書案.pdf"));
        var confirm = await HtmlAsync(await officer.PostAsync("/osaka/talent/requests/new?handler=Confirm", complete), HttpStatusCode.OK);
        confirm.ShouldContain("この内容で依頼する");
        confirm.ShouldContain(DxCollab.Platform.Text.JapaneseCalendar.Format(from));
        confirm.ShouldContain("仕様書をつくっている");

        using var submit = Form(token, null, ("Form.Theme", "specification"), ("Form.Answers[target]", "庁内ネットワークの更新"),
            ("Form.Answers[stage]", "仕様書をつくっている"), ("Form.Answers[draft]", "ある（添付します）"), ("Form.Description", "年度内に公告したいです。"),
            ("Form.PreferredFrom", Day(from)), ("Form.Mode", "OnSite"), ("Form.FileIds[0]", fileId), ("Form.FileNames[0]", "仕様書案.pdf"));
        using var submitted = await officer.PostAsync("/osaka/talent/requests/new?handler=Submit", submit);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());
        var detailPath = submitted.Headers.Location!.OriginalString;
        detailPath.ShouldStartWith("/osaka/talent/requests/");

        var (detail, _) = await OpenAsync(officer, detailPath);
        detail = WebUtility.HtmlDecode(detail);
        detail.ShouldContain("仕様書の書き方を教えてほしい");
        detail.ShouldContain(">受付<");
        var link = Regex.Match(detail, "href=\"([^\"]+handler=File[^\"]+)\"").Groups[1].Value;
        (await (await officer.GetAsync(link)).Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        (await toyonaka.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await toyonaka.GetAsync(detailPath)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var (list, _) = await OpenAsync(officer, "/osaka/talent/requests");
        list = WebUtility.HtmlDecode(list);
        list.ShouldContain("仕様書の書き方を教えてほしい");
        list.ShouldContain("data-state=\"Received\">受付</span>");
    }

    [Fact]
    public async Task A_consultation_is_answered_on_its_page_and_the_staff_give_it_a_theme()
    {
        using var officer = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        var (_, token) = await OpenAsync(officer, "/osaka/talent/requests/new?theme=consult");
        using var empty = Form(token, null, ("Form.Theme", "consult"), ("Form.Title", "何から始めれば"));
        (await HtmlAsync(await officer.PostAsync("/osaka/talent/requests/new?handler=Confirm", empty), HttpStatusCode.BadRequest))
            .ShouldContain("相談したい内容を書いてください");
        using var submit = Form(token, null, ("Form.Theme", "consult"), ("Form.Title", "何から始めれば"), ("Form.Description", "職員2人でDXを進めたい。"));
        using var submitted = await officer.PostAsync("/osaka/talent/requests/new?handler=Submit", submit);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());
        var path = submitted.Headers.Location!.OriginalString;

        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var (page, staffToken) = await OpenAsync(staff, path);
        WebUtility.HtmlDecode(page).ShouldContain("職員2人でDXを進めたい。");
        using var reply = Form(staffToken, null, ("Body", "まず職員研修から始めましょう。"));
        (await staff.PostAsync(path + "?handler=Reply", reply)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var version = Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        using var classify = Form(staffToken, null, ("Version", version), ("ThemeKey", "staff-training"));
        (await staff.PostAsync(path + "?handler=Classify", classify)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (seen, _) = await OpenAsync(officer, path);
        seen = WebUtility.HtmlDecode(seen);
        seen.ShouldContain("まず職員研修から始めましょう。");
        seen.ShouldContain("職員研修をしてほしい");
        // A second classification from the version the staff saw first is told, not applied.
        using var stale = Form(staffToken, null, ("Version", version), ("ThemeKey", "ai-rpa"));
        (await HtmlAsync(await staff.PostAsync(path + "?handler=Classify", stale), HttpStatusCode.Conflict)).ShouldContain("他の人が先に更新しました");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_RequestPages(SqliteAppFixture fixture) : RequestPagesTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_RequestPages(PostgresAppFixture fixture) : RequestPagesTests(fixture);
