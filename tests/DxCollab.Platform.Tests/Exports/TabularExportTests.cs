using System.IO.Compression;
using System.Text;
using DxCollab.Platform.Exports;
using DxCollab.Platform.Text;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

namespace DxCollab.Platform.Tests.Exports;

public sealed class TabularExportTests
{
    private static readonly string[] Headers = ["団体名", "件数", "備考"];
    private static readonly Encoding ShiftJis = CodePagesEncodingProvider.Instance.GetEncoding(932)!;

    private static string Utf8Csv(params IReadOnlyList<object?>[] rows)
    {
        using var stream = new MemoryStream();
        TabularExport.WriteCsv(stream, Headers, rows);
        var bytes = stream.ToArray();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    [Fact]
    public void Commas_quotes_and_line_breaks_stay_inside_their_cell()
    {
        var text = Utf8Csv(["豊中市, 第二庁舎", 3, "「至急」と\"書いた\"\r\n2行目"]);

        text.ShouldBe("\"団体名\",\"件数\",\"備考\"\r\n\"豊中市, 第二庁舎\",3,\"「至急」と\"\"書いた\"\"\r\n2行目\"\r\n");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"\"http://evil.example\"\")")]
    [InlineData("+81-6-1234", "'+81-6-1234")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("-", "-")]
    [InlineData("豊中市", "豊中市")]
    public void Text_that_Excel_would_run_as_a_formula_is_neutralised(string cell, string written)
    {
        Utf8Csv([cell, null, ""]).Split("\r\n")[1].ShouldBe($"\"{written}\",\"\",\"\"");
    }

    [Fact]
    public void Numbers_are_not_taken_for_formulas_and_are_written_invariantly()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Utf8Csv(["x", -12.5m, new DateOnly(2026, 4, 1)]).Split("\r\n")[1].ShouldBe("\"x\",-12.5,2026-04-01");
        }
        finally { Thread.CurrentThread.CurrentCulture = previous; }
    }

    [Fact]
    public void Shift_JIS_holds_Japanese_text_and_the_usual_look_alikes()
    {
        using var stream = new MemoryStream();
        TabularExport.WriteCsv(stream, Headers, [["髙槻市〜①", 1, "−5"]], ExportEncoding.ShiftJis);

        var bytes = stream.ToArray();
        bytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF });
        ShiftJis.GetString(bytes).ShouldBe("\"団体名\",\"件数\",\"備考\"\r\n\"髙槻市～①\",1,\"－5\"\r\n");
    }

    [Fact]
    public void A_character_Shift_JIS_cannot_hold_is_named_with_its_row_and_column()
    {
        using var stream = new MemoryStream();
        var ex = Should.Throw<ExportEncodingException>(() =>
            TabularExport.WriteCsv(stream, Headers, [["大阪市", 1, ""], ["豊中市", 2, "𠮷野家と🍣"]], ExportEncoding.ShiftJis));

        ex.Row.ShouldBe(3);
        ex.Column.ShouldBe("備考");
        ex.Character.ShouldBe("𠮷");
        ex.Message.ShouldBe("3行目「備考」の文字「𠮷」（U+20BB7）は Shift_JIS（CP932）で表せません。文字を置き換えるか、UTF-8 で書き出してください。");
    }

    [Fact]
    public async Task A_download_Shift_JIS_cannot_hold_is_a_400_and_sends_nothing()
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();

        var problem = await CsvDownload.SendAsync(http, "一覧.csv", ExportEncoding.ShiftJis,
            (stream, ct) => { TabularExport.WriteCsv(stream, Headers, [["𠮷", 1, ""]], ExportEncoding.ShiftJis); return Task.CompletedTask; });

        problem.ShouldNotBeNull().ProblemDetails.ShouldBeOfType<HttpValidationProblemDetails>().Errors["encoding"].Single().ShouldContain("2行目「団体名」");
        http.Response.Body.Length.ShouldBe(0);
        http.Response.Headers.ContentDisposition.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_download_is_an_attachment_with_its_Japanese_name()
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();

        (await CsvDownload.SendAsync(http, "監査ログ.csv", ExportEncoding.ShiftJis,
            (stream, ct) => { TabularExport.WriteCsv(stream, Headers, [["大阪市", 1, ""]], ExportEncoding.ShiftJis); return Task.CompletedTask; })).ShouldBeNull();

        http.Response.ContentType.ShouldBe("text/csv; charset=shift_jis");
        var disposition = http.Response.Headers.ContentDisposition.ToString();
        disposition.ShouldStartWith("attachment;");
        disposition.ShouldContain("filename*=UTF-8''%E7%9B%A3%E6%9F%BB%E3%83%AD%E3%82%B0.csv");
        ShiftJis.GetString(((MemoryStream)http.Response.Body).ToArray()).ShouldContain("\"大阪市\",1,");
    }

    [Fact]
    public void Xlsx_keeps_text_as_text_and_numbers_as_numbers()
    {
        using var stream = new MemoryStream();
        TabularExport.WriteXlsx(stream, Headers, [["=1+1", 860, "012025"], ["豊中市", 12.5m, null]], "一覧");

        stream.Position = 0;
        stream.GetSheetNames().ShouldBe(["一覧"]);
        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true, sheetName: "一覧").Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(2);
        rows[0]["団体名"].ShouldBe("=1+1");
        rows[0]["備考"].ShouldBe("012025");
        Convert.ToDecimal(rows[0]["件数"]).ShouldBe(860m);
        Convert.ToDecimal(rows[1]["件数"]).ShouldBe(12.5m);
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        sheet.ReadToEnd().ShouldNotContain("<x:f>");
    }

    [Fact]
    public void Xlsx_with_no_rows_still_has_the_header()
    {
        using var stream = new MemoryStream();
        TabularExport.WriteXlsx(stream, Headers, [], "一覧");

        stream.Position = 0;
        var header = (IDictionary<string, object?>)stream.Query(useHeaderRow: false, sheetName: "一覧").Single();
        header.Values.ShouldBe(Headers);
    }

    [Theory]
    [InlineData(null, ExportEncoding.Utf8)]
    [InlineData("UTF-8", ExportEncoding.Utf8)]
    [InlineData("sjis", ExportEncoding.ShiftJis)]
    [InlineData("cp932", ExportEncoding.ShiftJis)]
    public void The_encoding_parameter_is_read_leniently(string? value, ExportEncoding expected)
    {
        ExportEncodings.TryParse(value, out var encoding).ShouldBeTrue();
        encoding.ShouldBe(expected);
        ExportEncodings.TryParse("ebcdic", out _).ShouldBeFalse();
    }

    [Fact]
    public void What_is_written_reads_back_with_the_importers_splitter()
    {
        var line = Utf8Csv(["大阪府, 豊中市", 1, "\"引用\""]).Split("\r\n")[1];
        Csv.SplitLine(line).ShouldBe(["大阪府, 豊中市", "1", "\"引用\""]);
    }
}
