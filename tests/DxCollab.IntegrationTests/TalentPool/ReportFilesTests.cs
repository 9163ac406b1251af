using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.TalentPool.ActivityTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>Files attached to support reports (upload purpose "talent-report", owned by the supported 団体): the assigned
/// expert and the prefecture's staff upload and attach them, whoever may read the assignment downloads them, and nobody
/// else — another expert, another 団体, kyoto — uploads, attaches or downloads. On the assignment page the file goes with
/// the report in one submit (no script), and a refused file keeps the typed text.</summary>
public abstract partial class ReportFilesTests(AppFixture fixture) : AppTest(fixture)
{
    private static readonly byte[] Pdf = RequestTestData.Pdf;

    private static string Reports(long id, string tenant = "osaka") => $"/api/v1/{tenant}/talent/assignments/{id}/reports";

    private static ByteArrayContent PdfPart(byte[]? bytes = null)
    {
        var part = new ByteArrayContent(bytes ?? Pdf);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return part;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, long assignmentId, string fileName = "議事メモ.pdf", byte[]? bytes = null,
        string tenant = "osaka") =>
        client.PostAsync($"{Reports(assignmentId, tenant)}/files", new MultipartFormDataContent { { PdfPart(bytes), "file", fileName } });

    /// <summary>An assignment with an on-site visit logged by its expert, and that visit's report (not yet written).</summary>
    private async Task<(Arranged A, long ReportId)> VisitAsync()
    {
        var a = await App.AssignmentAsync();
        using var expert = await App.ExpertClientAsync(a);
        var activity = await JsonAsync(await LogAsync(expert, a.AssignmentId, a.StartMonth.AddDays(1), 2m, "OnSite"), HttpStatusCode.Created);
        var reports = await JsonAsync(await expert.GetAsync(Reports(a.AssignmentId)));
        var report = reports.EnumerateArray().Single(r => r.TryGetProperty("activityId", out var id) && id.ValueKind == JsonValueKind.Number
            && id.GetInt64() == activity.GetProperty("id").GetInt64());
        return (a, report.GetProperty("id").GetInt64());
    }

    private static async Task ShouldDownloadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
    }

    [Fact]
    public async Task The_expert_and_the_staff_attach_files_through_the_api_which_the_expert_the_団体_and_the_staff_download()
    {
        var (a, reportId) = await VisitAsync();
        using var expert = await App.ExpertClientAsync(a);
        var uploaded = await JsonAsync(await UploadAsync(expert, a.AssignmentId));
        var fileId = uploaded.GetProperty("id").GetInt64();
        uploaded.GetProperty("fileName").GetString().ShouldBe("議事メモ.pdf");
        using var staff = await App.SignInAsync("osaka", StaffEmail);
        var staffFileId = (await JsonAsync(await UploadAsync(staff, a.AssignmentId, "県の補足資料.pdf"))).GetProperty("id").GetInt64();

        var saved = await JsonAsync(await expert.PutAsJsonAsync($"{Reports(a.AssignmentId)}/{reportId}", new { body = "訪問の報告。", fileIds = new[] { fileId }, submit = false }));
        saved.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("fileName").GetString()).ShouldBe(["議事メモ.pdf"]);
        // The staff add theirs on the expert's behalf; a save without fileIds keeps the attachments.
        await JsonAsync(await staff.PutAsJsonAsync($"{Reports(a.AssignmentId)}/{reportId}", new { body = "訪問の報告。", fileIds = new[] { fileId, staffFileId }, submit = false }));
        var submitted = await JsonAsync(await expert.PutAsJsonAsync($"{Reports(a.AssignmentId)}/{reportId}", new { body = "訪問の報告。", submit = true }));
        submitted.GetProperty("fileIds").EnumerateArray().Select(f => f.GetInt64()).ShouldBe([fileId, staffFileId]);

        var download = $"{Reports(a.AssignmentId)}/{reportId}/files/{fileId}";
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        foreach (var reader in new[] { expert, staff, toyonaka }) await ShouldDownloadAsync(reader, download);
        (await JsonAsync(await toyonaka.GetAsync(Reports(a.AssignmentId)))).EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == reportId)
            .GetProperty("files").GetArrayLength().ShouldBe(2);
        // The 団体's officers read, but do not upload.
        await (await UploadAsync(toyonaka, a.AssignmentId)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_expert_another_団体_and_kyoto_neither_upload_nor_attach_nor_download_a_report_s_files()
    {
        var (a, reportId) = await VisitAsync();
        using var expert = await App.ExpertClientAsync(a);
        var fileId = (await JsonAsync(await UploadAsync(expert, a.AssignmentId))).GetProperty("id").GetInt64();
        await JsonAsync(await expert.PutAsJsonAsync($"{Reports(a.AssignmentId)}/{reportId}", new { body = "報告", fileIds = new[] { fileId }, submit = false }));
        var download = $"{Reports(a.AssignmentId)}/{reportId}/files/{fileId}";

        var (b, otherReportId) = await VisitAsync();
        using var other = await App.ExpertClientAsync(b);
        await (await UploadAsync(other, a.AssignmentId)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync(download)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // Not by the file's number on their own report (the same 団体), nor through their own report's address.
        (await (await other.PutAsJsonAsync($"{Reports(b.AssignmentId)}/{otherReportId}", new { body = "報告", fileIds = new[] { fileId }, submit = false }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("fileIds").ShouldContain($"番号 {fileId}");
        await (await other.GetAsync($"{Reports(b.AssignmentId)}/{otherReportId}/files/{fileId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        await (await UploadAsync(chihaya, a.AssignmentId)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await chihaya.GetAsync(download)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        await (await UploadAsync(kyoto, a.AssignmentId, tenant: "kyoto")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kyoto.GetAsync($"{Reports(a.AssignmentId, "kyoto")}/{reportId}/files/{fileId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kyoto.GetAsync(download)).ShouldBeProblemAsync(HttpStatusCode.Forbidden); // osaka's address
    }

    [Fact]
    public async Task Too_many_or_too_large_files_are_refused_in_japanese_and_nothing_is_attached()
    {
        var (a, reportId) = await VisitAsync();
        using var expert = await App.ExpertClientAsync(a);
        var tooLarge = new byte[10 * 1024 * 1024 + 1];
        Pdf.CopyTo(tooLarge, 0);
        (await (await UploadAsync(expert, a.AssignmentId, "大きな資料.pdf", tooLarge)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge))
            .Detail()!.ShouldContain("「大きな資料.pdf」は大きすぎます");

        var ids = new List<long>();
        for (var i = 0; i < 6; i++) ids.Add((await JsonAsync(await UploadAsync(expert, a.AssignmentId, $"資料{i}.pdf"))).GetProperty("id").GetInt64());
        (await (await expert.PutAsJsonAsync($"{Reports(a.AssignmentId)}/{reportId}", new { body = "報告", fileIds = ids, submit = false }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("fileIds").ShouldContain("5 件まで");
        var report = (await JsonAsync(await expert.GetAsync(Reports(a.AssignmentId)))).EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == reportId);
        report.GetProperty("fileIds").GetArrayLength().ShouldBe(0);
        report.GetProperty("body").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    // ---- the assignment page, plain form posts ----

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<string> PageAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, html);
        return WebUtility.HtmlDecode(html);
    }

    private static Task<HttpResponseMessage> PostReportAsync(HttpClient client, string page, long reportId, string body,
        params (string Name, byte[] Bytes)[] files) => PostReportAsync(client, page, reportId, body, false, files);

    private static async Task<HttpResponseMessage> PostReportAsync(HttpClient client, string page, long reportId, string body, bool submit,
        params (string Name, byte[] Bytes)[] files)
    {
        var token = TokenPattern().Match(await PageAsync(client, page)).Groups[1].Value;
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(body), "Body" },
            { new StringContent(submit ? "true" : "false"), "submit" },
        };
        foreach (var (name, bytes) in files) form.Add(new ByteArrayContent(bytes), "Uploads", name);
        return await client.PostAsync($"{page}?handler=Report&reportId={reportId}", form);
    }

    [Fact]
    public async Task On_the_page_a_file_goes_with_the_report_in_one_submit_a_refused_one_keeps_the_text_and_only_the_assignment_s_readers_download_it_once_submitted()
    {
        var (a, reportId) = await VisitAsync();
        using var expert = await App.ExpertClientAsync(a);
        var page = $"/osaka/talent/assignments/{a.AssignmentId}";
        (await PageAsync(expert, page)).ShouldContain($"id=\"report-{reportId}-uploads\"");

        using (var refused = await PostReportAsync(expert, page, reportId, "現行の仕様書を確認した。", ("setup.exe", "MZ\u0090\0"u8.ToArray())))
        {
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
            html.ShouldContain("ファイル「setup.exe」は受け付けられない種類です。");
            html.ShouldContain($"href=\"#report-{reportId}-uploads\"");
            html.ShouldContain(">現行の仕様書を確認した。</textarea>");
        }
        var six = Enumerable.Range(0, 6).Select(i => ($"資料{i}.pdf", Pdf)).ToArray();
        using (var tooMany = await PostReportAsync(expert, page, reportId, "現行の仕様書を確認した。", six))
        {
            var html = WebUtility.HtmlDecode(await tooMany.Content.ReadAsStringAsync());
            tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
            html.ShouldContain("5 件まで");
            html.ShouldContain(">現行の仕様書を確認した。</textarea>");
        }
        var nothing = (await JsonAsync(await expert.GetAsync(Reports(a.AssignmentId)))).EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == reportId);
        nothing.GetProperty("fileIds").GetArrayLength().ShouldBe(0);
        nothing.GetProperty("body").ValueKind.ShouldBe(JsonValueKind.Null);

        using (var saved = await PostReportAsync(expert, page, reportId, "現行の仕様書を確認した。", ("議事メモ.pdf", Pdf)))
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var shown = await PageAsync(expert, page);
        shown.ShouldContain(">議事メモ.pdf</a>");
        var link = Regex.Match(shown, "href=\"([^\"]+handler=File[^\"]+)\"").Groups[1].Value;
        link.ShouldNotBeEmpty();
        // A second save keeps the file and adds nothing.
        using (var again = await PostReportAsync(expert, page, reportId, "現行の仕様書を確認した。次回はRFI案。"))
            again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await JsonAsync(await expert.GetAsync(Reports(a.AssignmentId)))).EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == reportId)
            .GetProperty("files").EnumerateArray().Select(f => f.GetProperty("fileName").GetString()).ShouldBe(["議事メモ.pdf"]);

        // A draft's file is the writer's (and the staff's) until the report is submitted; then the 団体 reads it too.
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var staff = await App.SignInAsync("osaka", StaffEmail);
        (await PageAsync(toyonaka, page)).ShouldNotContain(">議事メモ.pdf</a>");
        (await toyonaka.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var submitted = await PostReportAsync(expert, page, reportId, "現行の仕様書を確認した。次回はRFI案。", true))
            submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PageAsync(toyonaka, page)).ShouldContain(">議事メモ.pdf</a>");
        foreach (var reader in new[] { expert, toyonaka, staff }) await ShouldDownloadAsync(reader, link);

        var (b, _) = await VisitAsync();
        using var other = await App.ExpertClientAsync(b);
        (await other.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        (await chihaya.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        (await kyoto.GetAsync(link.Replace("/osaka/", "/kyoto/"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_ReportFiles(SqliteAppFixture fixture) : ReportFilesTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_ReportFiles(PostgresAppFixture fixture) : ReportFilesTests(fixture);
