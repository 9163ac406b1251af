using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>The export reads answers with raw SQL (as UTF-8 bytes), which the model's tenant filter does not cover: the
    /// query carries the tenant itself, so osaka's export given kyoto's response ids reads nothing of kyoto.</summary>
    [Fact]
    public async Task The_exports_raw_answer_read_never_returns_another_tenants_response_even_given_its_id()
    {
        var kyotoSurvey = await App.SurveyAsync("kyoto", Deadline, SurveyState.Closed);
        var kyotoResponse = await App.ResponseAsync("kyoto", kyotoSurvey, "263648", ResponseState.Submitted, Answers("yes", note: "笠置町の回答"));
        var osakaSurvey = await SurveyWithAnswersAsync("大阪");
        var read = await App.InTenantAsync("osaka", async sp =>
        {
            var db = sp.GetRequiredService<DxCollab.Platform.Data.DxCollabDbContext>();
            var osakaIds = db.Set<SurveyResponse>().Where(r => r.SurveyId == osakaSurvey).Select(r => r.Id).ToList();
            var reader = new DxCollab.Surveys.FollowUp.ExportAnswerReader(["uses", "note"]);
            return await DxCollab.Surveys.FollowUp.ExportAnswerSource.ReadAsync(db, [.. osakaIds, kyotoResponse], reader, CancellationToken.None);
        });
        read.Count.ShouldBe(3);
        read.ShouldNotContainKey(kyotoResponse);
        read.Values.Select(r => r.Answers?.Answers.GetValueOrDefault("note")?.Value).ShouldNotContain("笠置町の回答");
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Round 2 is made by the copy API from round 1, loses 「課題」 while still a draft, is published, then gets
    /// 「職員数」 reworded and a new question added (the only changes allowed after publishing). Decided: a reworded question
    /// keeps its column and position and its header shows the new wording after the unchanged key; a question removed
    /// from the new round loses its column (the form no longer asks it), the others keeping their order.</summary>
    [Fact]
    public async Task A_round_copied_through_the_api_keeps_last_rounds_columns_in_order_a_reworded_one_in_place_drops_a_removed_one_and_adds_new_ones_last()
    {
        var first = await SurveyWithAnswersAsync("一回目");
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        const string Api = "/api/v1/osaka/surveys";
        var copy = await JsonAsync(await staff.PostAsJsonAsync($"{Api}/{first}/copy", new { deadline = "2031-07-22", title = "生成AIの利用状況調査（第2回）" }),
            HttpStatusCode.Created);
        var second = copy.GetProperty("id").GetInt64();
        copy.GetProperty("copiedFromSurveyId").GetInt64().ShouldBe(first);

        // The form as the API gave it, edited as the builder would: 「課題」 removed while round 2 is a draft.
        var form = JsonNode.Parse(copy.GetProperty("form").GetRawText())!;
        var questions = form["sections"]![0]!["questions"]!.AsArray();
        questions.Remove(questions.Single(q => (string?)q!["key"] == "note"));
        await JsonAsync(await staff.PutAsync($"{Api}/{second}/form", JsonContent.Create(form)), HttpStatusCode.OK);
        await JsonAsync(await staff.PutAsJsonAsync($"{Api}/{second}/roster", new { mode = "Picked", codes = new[] { Toyonaka, Osakashi } }), HttpStatusCode.OK);
        await JsonAsync(await staff.PostAsync($"{Api}/{second}/publish", null), HttpStatusCode.OK);

        // After publishing: 「職員数」 reworded and a question added (a new key is generated).
        questions.Single(q => (string?)q!["key"] == "staff")!["text"] = "情報部門の正規職員数";
        questions.Insert(1, new JsonObject { ["key"] = "", ["type"] = "YesNo", ["text"] = "CIO補佐官を置いていますか" });
        var grown = await JsonAsync(await staff.PutAsync($"{Api}/{second}/form", JsonContent.Create(form)), HttpStatusCode.OK);
        var added = grown.GetProperty("form").GetProperty("sections")[0].GetProperty("questions")[1].GetProperty("key").GetString();
        added.ShouldNotBeNullOrEmpty();

        const string xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var before = ReadXlsx(await DownloadAsync(staff, $"{Api}/{first}/export?format=xlsx", xlsx))[0].Keys.ToList();
        before.ShouldContain("note 課題");
        before.ShouldContain("staff 情報部門の職員数（人）");
        var rows = ReadXlsx(await DownloadAsync(staff, $"{Api}/{second}/export?format=xlsx", xlsx));
        rows.Select(r => r["団体コード"]).ShouldBe([Osakashi, Toyonaka]);
        rows[0].Keys.ShouldBe(
        [
            .. before.Where(h => h != "note 課題").Select(h => h == "staff 情報部門の職員数（人）" ? "staff 情報部門の正規職員数（人）" : h),
            $"{added} CIO補佐官を置いていますか",
        ]);
    }

    [Fact]
    public async Task The_csv_is_utf8_with_bom_or_shift_jis_whose_bytes_hold_髙_﨑_and_a_circled_one_as_cp932_codes()
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
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // The CP932 bytes themselves, not a decode with the same converter: 髙 = FB FC, 島 = 93 87, 屋 = 89 AE, と = 82 C6,
        // 川 = 90 EC, 﨑 = FA B1, ① = 87 40, each quote 22.
        byte[] expected = [0x22, 0xFB, 0xFC, 0x93, 0x87, 0x89, 0xAE, 0x82, 0xC6, 0x90, 0xEC, 0xFA, 0xB1, 0x87, 0x40, 0x22];
        bytes.AsSpan().IndexOf(expected).ShouldBeGreaterThan(0);
        // No BOM; the header starts with "団体コード" (団 = 92 63, 体 = 91 CC).
        bytes.Take(5).ShouldBe(new byte[] { 0x22, 0x92, 0x63, 0x91, 0xCC });
        Encoding.GetEncoding(932).GetString(bytes).ShouldContain("\"髙島屋と川﨑①\"");
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
    public async Task Uploaded_files_come_as_one_zip_with_a_folder_per_団体コード_and_another_団体_s_file_is_neither_packed_nor_named()
    {
        var (plan, other) = await App.InTenantAsync("osaka", async sp =>
        {
            var store = sp.GetRequiredService<FileStore>();
            var a = store.Add(Toyonaka, CheckedFile.FromBytes("計画書.pdf", "application/pdf", [.. "%PDF-1.7 豊中"u8.ToArray()]), "豊中 太郎", null);
            var b = store.Add(Chihayaakasaka, CheckedFile.FromBytes("他団体.pdf", "application/pdf", [.. "%PDF-1.7 千早"u8.ToArray()]), "千早", null);
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
        // Nor is its name shown in 豊中市's row: only the id, as for any file that is not the respondent's own.
        rows[1]["plan 計画書"].ShouldBe($"計画書.pdf; ファイル{other}");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_ExportApi(SqliteAppFixture fixture) : ExportApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_ExportApi(PostgresAppFixture fixture) : ExportApiTests(fixture);
