using System.Text;
using DxCollab.Platform.Exports;
using DxCollab.Standardization.Workbook;
using DxCollab.Platform.ReferenceData;
using MiniExcelLibs;

namespace DxCollab.Standardization.Tests;

public class WorkbookWriterTests
{
    private static List<WorkbookRow> SampleRows(bool withCode = false)
    {
        var statuses = Enum.GetValues<StepStatus>();
        var rows = TestData.PrefectureRows.Take(6)
            .Select(r => new WorkbookRow(r.Prefecture, "-", StandardBusiness.Find(r.Business)!, r.Statuses.Select(s => StepStatusText.Parse(s)!.Value).ToArray(),
                withCode ? "010006" : null))
            .ToList();
        rows.Add(new WorkbookRow("北海道", "札幌市", StandardBusiness.Find("住民基本台帳")!,
            Enumerable.Range(0, 40).Select(i => statuses[i % 4]).ToArray(), withCode ? "011002" : null));
        rows.Add(new WorkbookRow("東京都", "千代田区", StandardBusiness.Find("戸籍の附票")!, TestData.Statuses((0, StepStatus.NotStarted)), withCode ? "131016" : null));
        rows.Add(new WorkbookRow("大阪府", "\"堺\",市", StandardBusiness.Find("国民年金")!, TestData.Statuses((39, StepStatus.InProgress))));
        return rows;
    }

    [Fact]
    public void The_xlsx_states_its_size_so_a_reader_need_not_scan_the_sheet_first()
    {
        var rows = SampleRows(withCode: true);
        using var stream = new MemoryStream();
        WorkbookWriter.WriteXlsx(stream, rows);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(stream.ToArray()));
        var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        // 3 name columns + 40 steps + 団体コード = 44 columns (A–AR); a header row and one row per WorkbookRow.
        reader.ReadToEnd().ShouldContain($"<x:dimension ref=\"A1:AR{rows.Count + 1}\"");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Xlsx_round_trip(bool withCode)
    {
        var rows = SampleRows(withCode);
        using var stream = new MemoryStream();
        WorkbookWriter.WriteXlsx(stream, rows);
        stream.Position = 0;
        var result = WorkbookReader.ReadXlsx(stream);
        result.Errors.ShouldBeEmpty();
        result.IgnoredColumns.ShouldBeEmpty();
        result.Rows.Select(r => r.Row).ShouldBe(rows);
        result.Rows.Select(r => r.LineNumber).ShouldBe(Enumerable.Range(2, rows.Count));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Csv_round_trip(bool withCode)
    {
        var rows = SampleRows(withCode);
        using var stream = new MemoryStream();
        WorkbookWriter.WriteCsv(stream, rows);
        stream.Position = 0;
        var result = WorkbookReader.ReadCsv(stream);
        result.Errors.ShouldBeEmpty();
        result.Rows.Select(r => r.Row).ShouldBe(rows);
    }

    [Fact]
    public void Csv_in_Shift_JIS_round_trips_and_a_dash_stays_the_prefecture_marker()
    {
        var rows = SampleRows(withCode: true);
        using var stream = new MemoryStream();
        WorkbookWriter.WriteCsv(stream, rows, ExportEncoding.ShiftJis);
        stream.Position = 0;
        var result = WorkbookReader.ReadCsv(stream);
        result.Errors.ShouldBeEmpty();
        result.Rows.Select(r => r.Row).ShouldBe(rows);
        WorkbookReader.ShiftJis.GetString(stream.ToArray()).Split("\r\n")[1].ShouldStartWith("\"北海道\",\"-\",");
    }

    [Fact]
    public void All_94_prefecture_rows_round_trip_through_both_formats()
    {
        using var csv = TestData.Utf8Csv([TestData.Header, .. TestData.PrefectureRows.Select(TestData.Cells)], bom: false);
        var rows = WorkbookReader.ReadCsv(csv).Rows.Select(r => r.Row).ToList();
        rows.Count.ShouldBe(94);
        foreach (var write in new Action<Stream, IEnumerable<WorkbookRow>>[] { WorkbookWriter.WriteXlsx, WorkbookWriter.WriteCsv })
        {
            using var stream = new MemoryStream();
            write(stream, rows);
            stream.Position = 0;
            WorkbookReader.Read(stream).Rows.Select(r => r.Row).ShouldBe(rows);
        }
    }

    [Fact]
    public void Csv_is_utf8_with_bom_crlf_and_quoted_with_the_workbook_headers()
    {
        using var stream = new MemoryStream();
        WorkbookWriter.WriteCsv(stream, SampleRows());
        var bytes = stream.ToArray();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.ShouldEndWith("\r\n");
        text.Replace("\r\n", "").ShouldNotContain('\n');
        var lines = text.Split("\r\n");
        lines[0].ShouldStartWith("\"都道府県名\",\"市区町村名\",\"業務名\",\"推進体制案の作成\",");
        lines[0].ShouldContain("\"移行に係る現行システムベンダとの打合せ・役割の 認識合わせ\"");
        lines[0].ShouldEndWith("\"運用開始ステータス\"");
        lines[8].ShouldStartWith("\"東京都\",\"千代田区\",\"戸籍附票\",\"未\",\"完了済み\",");
        lines[9].ShouldStartWith("\"大阪府\",\"\"\"堺\"\",市\",\"国民年金\",");
    }

    [Fact]
    public void Xlsx_has_the_sheet_and_the_workbook_headers()
    {
        using var stream = new MemoryStream();
        WorkbookWriter.WriteXlsx(stream, SampleRows(withCode: true));
        stream.Position = 0;
        stream.GetSheetNames().ShouldBe([WorkbookLayout.SheetName]);
        stream.Position = 0;
        var header = ((IDictionary<string, object?>)stream.Query(useHeaderRow: false, sheetName: WorkbookLayout.SheetName).First())
            .Values.Select(v => v?.ToString() ?? "").ToList();
        header.ShouldBe(WorkbookLayout.Headers(withCode: true));
        header[^1].ShouldBe("団体コード");
        header.Count.ShouldBe(44);
    }

    [Fact]
    public void Empty_list_writes_the_header_only()
    {
        foreach (var write in new Action<Stream, IEnumerable<WorkbookRow>>[] { WorkbookWriter.WriteXlsx, WorkbookWriter.WriteCsv })
        {
            using var stream = new MemoryStream();
            write(stream, []);
            stream.Position = 0;
            var result = WorkbookReader.Read(stream);
            result.Errors.ShouldBeEmpty();
            result.Rows.ShouldBeEmpty();
            result.HeaderLineNumber.ShouldBe(1);
        }
    }

    [Fact]
    public void Row_normalises_the_prefecture_marker_and_checks_the_step_count()
    {
        var business = StandardBusiness.Find("生活保護")!;
        new WorkbookRow("北海道", "-", business, TestData.Statuses()).ShouldBe(new WorkbookRow("北海道", null, business, TestData.Statuses()));
        new WorkbookRow("北海道", " ", business, TestData.Statuses()).IsPrefecture.ShouldBeTrue();
        Should.Throw<ArgumentException>(() => new WorkbookRow("北海道", null, business, new StepStatus[39]));
    }
}
