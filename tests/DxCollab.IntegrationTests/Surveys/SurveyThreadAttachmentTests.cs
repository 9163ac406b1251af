using System.Net;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.Surveys.AnsweringTestData;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>Questions about a survey carry files, as the platform's threads allow: the officer attaches one when asking,
/// the prefecture's staff when answering; each side downloads them from the thread page, another 団体 never.</summary>
public abstract partial class SurveyThreadAttachmentTests(AppFixture fixture) : AppTest(fixture)
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Range(0, 400).Select(i => (byte)(i % 251))];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("href=\"([^\"]+handler=Attachment[^\"]+)\"[^>]*>([^<]+)</a>")]
    private static partial Regex AttachmentLink();

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
        if (file is { } f) form.Add(new ByteArrayContent(f.Bytes), "Attachments", f.Name);
        return form;
    }

    private static Dictionary<string, string> Links(string html) =>
        AttachmentLink().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[2].Value), m => WebUtility.HtmlDecode(m.Groups[1].Value));

    [Fact]
    public async Task The_officer_asks_with_a_file_the_staff_answer_with_one_both_download_them_and_another_団体_gets_404()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka, Chihayaakasaka]);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var (list, token) = await OpenAsync(toyonaka, $"/osaka/surveys/{survey}/threads");
        list.ShouldContain("enctype=\"multipart/form-data\"");
        list.ShouldContain("<label for=\"files\">添付ファイル");

        using var ask = Form(token, ("様式の記入例.pdf", Pdf), ("Title", "記入方法"), ("Body", "記入例を添付します。この書き方でよいですか。"));
        using var asked = await toyonaka.PostAsync($"/osaka/surveys/{survey}/threads", ask);
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect, await asked.Content.ReadAsStringAsync());
        var threadPath = asked.Headers.Location!.OriginalString;

        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var (thread, staffToken) = await OpenAsync(staff, threadPath);
        var asked1 = Links(thread).ShouldHaveSingleItem();
        asked1.Key.ShouldBe("様式の記入例.pdf");
        using (var download = await staff.GetAsync(asked1.Value))
        {
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        }

        using var reply = Form(staffToken, ("回答例.pdf", Pdf), ("Body", "回答例を添付します。"));
        using (var replied = await staff.PostAsync(threadPath + "?handler=Reply", reply))
            replied.StatusCode.ShouldBe(HttpStatusCode.Redirect, await replied.Content.ReadAsStringAsync());
        var (officerView, officerToken) = await OpenAsync(toyonaka, threadPath);
        var links = Links(officerView);
        links.Keys.ShouldBe(["様式の記入例.pdf", "回答例.pdf"], ignoreOrder: true);
        (await (await toyonaka.GetAsync(links["回答例.pdf"])).Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);

        // A refused kind is named, with the typed reply kept.
        using var program = Form(officerToken, ("tool.exe", new byte[] { 0x4D, 0x5A, 0x90, 0x00 }), ("Body", "追加の質問です。"));
        using var refused = await toyonaka.PostAsync(threadPath + "?handler=Reply", program);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, refusedHtml);
        refusedHtml.ShouldContain("tool.exe");
        refusedHtml.ShouldContain("追加の質問です。</textarea>");

        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        (await chihaya.GetAsync(threadPath)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chihaya.GetAsync(links["回答例.pdf"])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_SurveyThreadAttachments(SqliteAppFixture fixture) : SurveyThreadAttachmentTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_SurveyThreadAttachments(PostgresAppFixture fixture) : SurveyThreadAttachmentTests(fixture);
