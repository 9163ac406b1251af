using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.TalentPool.InsightsTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>情報担当職員数: recorded one by one or from a file, all or nothing with every wrong row named; only the
/// prefecture's staff, and never another prefecture's 団体.</summary>
public abstract class InsightsItStaffTests(AppFixture fixture) : AppTest(fixture)
{
    // Each test records other 団体 (data is reset between classes, not between tests).
    private const string Tadaoka = "273414", Kumatori = "273619", Taishi = "273813", Kanan = "273821", Misaki = "273660";

    private static MultipartFormDataContent File(byte[] bytes, string name = "it-staff.csv")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { content, "file", name } };
    }

    private static async Task<int?> StaffOfAsync(HttpClient staff, string code)
    {
        var rows = await (await staff.GetAsync("/api/v1/osaka/talent/it-staff")).JsonAsync();
        var row = rows.EnumerateArray().Single(r => r.GetProperty("organizationCode").GetString() == code);
        return row.GetProperty("staff").ValueKind == System.Text.Json.JsonValueKind.Null ? null : row.GetProperty("staff").GetInt32();
    }

    [Fact]
    public async Task A_count_is_recorded_and_replaced_and_every_municipality_is_listed()
    {
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        (await (await staff.GetAsync("/api/v1/osaka/talent/it-staff")).JsonAsync()).GetArrayLength().ShouldBe(43);
        (await StaffOfAsync(staff, Misaki)).ShouldBeNull();
        (await PutItStaffAsync(staff, "osaka", (Misaki, 2))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PutItStaffAsync(staff, "osaka", (Misaki, 1))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StaffOfAsync(staff, Misaki)).ShouldBe(1);
    }

    [Fact]
    public async Task A_batch_with_wrong_rows_names_each_and_saves_nothing()
    {
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var problem = await (await PutItStaffAsync(staff, "osaka", (Tadaoka, 1), ("999999", 1), (Kumatori, -1), (Tadaoka, 2))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("entries[1]").ShouldContain("999999");
        problem.FieldError("entries[2]").ShouldContain("0〜999");
        problem.FieldError("entries[3]").ShouldContain("1団体1行");
        (await StaffOfAsync(staff, Tadaoka)).ShouldBeNull();
    }

    [Fact]
    public async Task A_shift_jis_csv_with_a_header_is_imported()
    {
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var sjis = CodePagesEncodingProvider.Instance.GetEncoding(932)!;
        using var form = File(sjis.GetBytes($"団体コード,人数\r\n{Toyono},0\r\n{Nose},1\r\n{Ikeda},6\r\n"));
        var saved = await (await staff.PostAsync("/api/v1/osaka/talent/it-staff/import", form)).JsonAsync();
        saved.GetProperty("saved").GetInt32().ShouldBe(3);
        (await StaffOfAsync(staff, Ikeda)).ShouldBe(6);
        (await StaffOfAsync(staff, Toyono)).ShouldBe(0);
    }

    [Fact]
    public async Task A_file_with_wrong_lines_reports_each_line_and_saves_nothing()
    {
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var form = File(Encoding.UTF8.GetBytes($"団体コード,人数\n{Taishi},1\n260002,1\n{Kanan},たくさん\n"));
        var problem = await (await staff.PostAsync("/api/v1/osaka/talent/it-staff/import", form)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("3行目").ShouldContain("260002");
        problem.FieldError("4行目").ShouldContain("河南町");
        (await StaffOfAsync(staff, Taishi)).ShouldBeNull();
    }

    [Fact]
    public async Task A_null_row_a_word_document_or_a_damaged_workbook_is_400_never_a_500()
    {
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using (var nullRow = await staff.PutAsync("/api/v1/osaka/talent/it-staff",
                   new StringContent("""{"entries":[null]}""", Encoding.UTF8, "application/json")))
            (await nullRow.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("entries[0]").ShouldContain("空の行");
        foreach (var bytes in new[] { WordDocument(), [.. "PK\u0003\u0004"u8, .. new byte[64]] })
        {
            using var form = File(bytes, "it-staff.xlsx");
            (await (await staff.PostAsync("/api/v1/osaka/talent/it-staff/import", form)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
                .FieldError("file").ShouldContain("読み込めません");
        }
    }

    /// <summary>A zip holding a Word document's main part: a zip, but not a workbook.</summary>
    private static byte[] WordDocument()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in new[]
                     {
                         ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
                         ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"),
                     })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(xml);
            }
        }
        return buffer.ToArray();
    }

    [Fact]
    public async Task The_page_lists_every_municipality_with_its_count_or_not_recorded()
    {
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var page = await (await staff.GetAsync("/osaka/talent/it-staff")).Content.ReadAsStringAsync();
        page.ShouldContain("千早赤阪村（273830）");
        page.ShouldContain("未記録");
    }

    [Fact]
    public async Task Officers_and_experts_cannot_read_or_record_and_kyoto_cannot_touch_osakas_municipalities()
    {
        using var officer = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        await (await officer.GetAsync("/api/v1/osaka/talent/it-staff")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await PutItStaffAsync(officer, "osaka", (Chihayaakasaka, 5))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await officer.GetAsync("/osaka/talent/it-staff")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        (await PutItStaffAsync(staff, "osaka", (Chihayaakasaka, 1))).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        var problem = await (await PutItStaffAsync(kyoto, "kyoto", (Chihayaakasaka, 9))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("entries[0]").ShouldContain("273830");
        var kyotoRows = await (await kyoto.GetAsync("/api/v1/kyoto/talent/it-staff")).JsonAsync();
        kyotoRows.EnumerateArray().ShouldAllBe(r => r.GetProperty("organizationCode").GetString()!.StartsWith("26"));
        kyotoRows.EnumerateArray().ShouldAllBe(r => r.GetProperty("staff").ValueKind == System.Text.Json.JsonValueKind.Null);
        await (await kyoto.GetAsync("/api/v1/osaka/talent/it-staff")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await StaffOfAsync(staff, Chihayaakasaka)).ShouldBe(1);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_InsightsItStaff(SqliteAppFixture fixture) : InsightsItStaffTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_InsightsItStaff(PostgresAppFixture fixture) : InsightsItStaffTests(fixture);
