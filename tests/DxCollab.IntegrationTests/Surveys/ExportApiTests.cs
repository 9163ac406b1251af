using System.IO.Compression;
using System.Net;
using System.Text;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Files;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static DxCollab.IntegrationTests.Surveys.FollowUpTestData;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>The export as staff download it: one row per roster entry, columns from the form (stable across rounds),
/// 団体コード and text cells as text, CSV in UTF-8 with BOM or Shift_JIS (髙/﨑/① round-trip; a character CP932 cannot
/// hold refused naming the 団体 and the question), and every uploaded file in a zip by 団体コード.</summary>
public abstract class ExportApiTests(AppFixture fixture) : AppTest(fixture)
{
    static ExportApiTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly DateOnly Deadline = new(2031, 7, 22);

    private async Task<long> SurveyWithAnswersAsync(string note, SurveyForm? form = null, long? copiedFrom = null, long[]? files = null)
    {
        var id = await App.SurveyAsync("osaka", Deadline, SurveyState.Closed, form, copiedFrom: copiedFrom);
        await App.ResponseAsync("osaka", id, Toyonaka, ResponseState.Submitted, Answers("yes", ["chat"], "12", note, files, "1,500"), by: "豊中 太郎");
        await App.ResponseAsync("osaka", id, Chihayaakasaka, ResponseState.Drafting, Answers("no", note: "下書き"));
        await App.ResponseAsync("osaka", id, Osakashi, ResponseState.Submitted, Answers("no", ["ocr"], "300"));
        return id;
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string path, string contentType)
    {
        using var response = await client.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        return bytes;
    }

    private static List<IDictionary<string, object?>> ReadXlsx(byte[] bytes) =>
        new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

    [Fact]
    public async Task The_xlsx_has_one_row_per_roster_entry_with_codes_and_texts_as_text_and_hidden_answers_left_out()
    {
        var id = await SurveyWithAnswersAsync("0012");
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var rows = ReadXlsx(await DownloadAsync(staff, $"/api/v1/osaka/surveys/{id}/export", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        rows.Select(r => r["団体コード"]).ShouldBe(["271004", "272035", "273830"]);
        rows[0].Keys.ShouldBe(
        [
            "団体コード", "団体名", "状況", "提出日時（日本時間）", "uses 生成AIを利用していますか",
            "tools 利用しているツール［対話型AI］", "tools 利用しているツール［AI-OCR］", "tools 利用しているツール［その他］", "tools 利用しているツール［その他の内容］",
            "staff 情報部門の職員数（人）", "note 課題", "plan 計画書", "cost 業務ごとの経費［住民記録／年額（千円）］", "cost 業務ごとの経費［個人住民税／年額（千円）］",
        ]);
        var toyonaka = rows[1];
        toyonaka["団体名"].ShouldBe("豊中市");
        toyonaka["note 課題"].ShouldBe("0012");
        toyonaka["staff 情報部門の職員数（人）"].ShouldBe(12d);
        toyonaka["tools 利用しているツール［対話型AI］"].ShouldBe(1d);
        toyonaka["cost 業務ごとの経費［住民記録／年額（千円）］"].ShouldBe(1500d);
        // 大阪市 answered いいえ: the conditional question keeps its columns, left empty even though ocr is stored.
        rows[0]["tools 利用しているツール［AI-OCR］"].ShouldBeNull();
        // 千早赤阪村 has not submitted: its draft is not exported.
        rows[2]["状況"].ShouldBe("回答中");
        rows[2]["note 課題"].ShouldBeNull();
    }

    [Fact]
    public async Task A_copied_round_with_an_added_question_keeps_last_rounds_columns_first_and_in_order()
    {
        var first = await SurveyWithAnswersAsync("一回目");
        var form = Form();
        form.Sections[0].Questions.Insert(1, new Question { Key = "cio", Type = QuestionType.YesNo, Text = "CIO補佐官を置いていますか" });
        var second = await SurveyWithAnswersAsync("二回目", form, copiedFrom: first);
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        const string xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var before = ReadXlsx(await DownloadAsync(staff, $"/api/v1/osaka/surveys/{first}/export?format=xlsx", xlsx))[0].Keys.ToList();
        var after = ReadXlsx(await DownloadAsync(staff, $"/api/v1/osaka/surveys/{second}/export?format=xlsx", xlsx))[0].Keys.ToList();
        after.Take(before.Count).ShouldBe(before);
        after.Skip(before.Count).ShouldBe(["cio CIO補佐官を置いていますか"]);
    }

    [Fact]
    public async Task The_csv_is_utf8_with_bom_or_shift_jis_and_髙_﨑_and_a_circled_one_come_back_unchanged()
    {
        var id = await SurveyWithAnswersAsync("髙島屋と川﨑①");
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var utf8 = await DownloadAsync(staff, $"/api/v1/osaka/surveys/{id}/export?format=csv", "text/csv");
        utf8.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(utf8);
        text.ShouldContain("\"272035\",\"豊中市\",\"提出済\"");
        text.ShouldContain("\"髙島屋と川﨑①\"");

        using var response = await staff.GetAsync($"/api/v1/osaka/surveys/{id}/export?format=csv&encoding=shift_jis");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.CharSet.ShouldBe("shift_jis");
        var sjis = Encoding.GetEncoding(932).GetString(await response.Content.ReadAsByteArrayAsync());
        sjis.ShouldContain("\"髙島屋と川﨑①\"");
        sjis.ShouldStartWith("\"団体コード\",\"団体名\"");
    }

    [Fact]
    public async Task A_character_shift_jis_cannot_hold_is_refused_naming_the_organisation_and_the_question()
    {
        var id = await SurveyWithAnswersAsync("𠮷野家の件");
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var problem = await (await staff.GetAsync($"/api/v1/osaka/surveys/{id}/export?format=csv&encoding=shift_jis"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("encoding").ShouldBe("豊中市（272035）の回答「課題」にある文字「𠮷」は Shift_JIS（CP932）で表せません。UTF-8 で書き出すか、回答の文字を置き換えてください。");
        (await staff.GetAsync($"/api/v1/osaka/surveys/{id}/export?format=csv")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await staff.GetAsync($"/api/v1/osaka/surveys/{id}/export?format=pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("format").ShouldContain("xlsx または csv");
        (await (await staff.GetAsync($"/api/v1/osaka/surveys/{id}/export?format=csv&encoding=euc-jp")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("encoding").ShouldContain("shift_jis");
    }

    [Fact]
    public async Task Uploaded_files_come_as_one_zip_with_a_folder_per_団体コード()
    {
        var (plan, other) = await App.InTenantAsync("osaka", async sp =>
        {
            var store = sp.GetRequiredService<FileStore>();
            var a = store.Add(Toyonaka, new CheckedFile("計画書.pdf", "application/pdf", [.. "%PDF-1.7 豊中"u8.ToArray()]), "豊中 太郎", null);
            var b = store.Add(Chihayaakasaka, new CheckedFile("他団体.pdf", "application/pdf", [.. "%PDF-1.7 千早"u8.ToArray()]), "千早", null);
            await store.SaveAsync();
            return (a.Id, b.Id);
        });
        // 豊中市's answer also names another 団体's file id: it is never packed.
        var id = await SurveyWithAnswersAsync("添付あり", files: [plan, other]);
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var bytes = await DownloadAsync(staff, $"/api/v1/osaka/surveys/{id}/files.zip", "application/zip");
        using var zip = new ZipArchive(new MemoryStream(bytes));
        zip.Entries.Select(e => e.FullName).ShouldBe(["272035/plan_計画書.pdf"]);
        using var reader = new StreamReader(zip.Entries[0].Open());
        (await reader.ReadToEndAsync()).ShouldBe("%PDF-1.7 豊中");

        var rows = ReadXlsx(await DownloadAsync(staff, $"/api/v1/osaka/surveys/{id}/export", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        rows[1]["plan 計画書"].ShouldBe("計画書.pdf; 他団体.pdf");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_ExportApi(SqliteAppFixture fixture) : ExportApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_ExportApi(PostgresAppFixture fixture) : ExportApiTests(fixture);
