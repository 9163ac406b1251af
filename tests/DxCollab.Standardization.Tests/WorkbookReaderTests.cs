using System.Text;
using DxCollab.Standardization.Workbook;
using DxCollab.Platform.ReferenceData;
using MiniExcelLibs;
using DxCollab.Standardization.Tracking;

namespace DxCollab.Standardization.Tests;

public class WorkbookReaderTests
{
    private const string StrayHeader = "移行に係る現行システムベンダとの打合せ・役割の 認識合わせ"; // step ②-3 as in the 総務省 workbook

    private static string[] Row(string prefecture, string municipality, string business, Func<int, string>? status = null) =>
        [prefecture, municipality, business, .. Enumerable.Range(0, 40).Select(i => status?.Invoke(i) ?? "完了済み")];

    private static WorkbookReadResult ReadCsv(params string[][] lines)
    {
        using var csv = TestData.Utf8Csv(lines, bom: true);
        return WorkbookReader.ReadCsv(csv);
    }

    [Fact]
    public void Header_with_the_workbooks_stray_space_matches_the_step()
    {
        TestData.Header[3 + 5].ShouldBe(StrayHeader); // the bundled workbook name keeps the space
        MigrationStepDefinition.All[5].Name.ShouldBe("移行に係る現行システムベンダとの打合せ・役割の認識合わせ");

        // The same file with the normalised name, extra spaces (full width too) and the official name: all match.
        var header = TestData.Header.ToArray();
        header[3 + 5] = " 移行に係る　現行システムベンダとの\n打合せ・役割の認識合わせ ";
        header[3 + 0] = "推進体制案の 作成";
        header[0] = " 都道府県名 ";
        var result = ReadCsv(header, Row("北海道", "-", "生活保護", i => i == 5 ? "作業中" : "完了済み"));
        result.Errors.ShouldBeEmpty();
        result.Rows.Single().Row.Statuses[5].ShouldBe(StepStatus.InProgress);

        using var xlsx = TestData.Xlsx([header, Row("北海道", "-", "生活保護", i => i == 5 ? "作業中" : "完了済み")]);
        WorkbookReader.ReadXlsx(xlsx).Rows.Single().Row.Statuses[5].ShouldBe(StepStatus.InProgress);
    }

    [Fact]
    public void Mi_and_mi_chakushu_both_read_as_not_started()
    {
        var result = ReadCsv(TestData.Header, Row("青森県", "-", "児童扶養手当", i => i switch { 0 => "未", 1 => "未着手", 2 => " 未 ", 3 => "対象外", _ => "作業中" }));
        result.Errors.ShouldBeEmpty();
        var statuses = result.Rows.Single().Row.Statuses;
        statuses.Take(3).ShouldAllBe(s => s == StepStatus.NotStarted);
        statuses[3].ShouldBe(StepStatus.NotApplicable);
        statuses[4].ShouldBe(StepStatus.InProgress);
    }

    [Fact]
    public void Bad_status_and_unknown_business_are_reported_with_their_line()
    {
        var result = ReadCsv(
            TestData.Header,
            Row("北海道", "札幌市", "住民記録"),
            Row("北海道", "函館市", "住民記録", i => i == 5 ? "済" : "完了済み"),
            Row("北海道", "小樽市", "住民票"),
            Row("北海道", "旭川市", "戸籍の附票", i => i == 39 ? "" : "未"));
        result.Rows.Select(r => r.LineNumber).ShouldBe([2]);
        result.Errors.Count.ShouldBe(3);

        var status = result.Errors[0];
        status.LineNumber.ShouldBe(3);
        status.StepId.ShouldBe("②-3");
        status.Message.ShouldContain("「済」");
        status.Message.ShouldContain("②-3");
        status.ToString().ShouldStartWith("3行目: ");

        var business = result.Errors[1];
        business.LineNumber.ShouldBe(4);
        business.StepId.ShouldBeNull();
        business.Message.ShouldBe("業務名「住民票」は標準化対象の20業務にありません。");

        var blank = result.Errors[2];
        blank.LineNumber.ShouldBe(5);
        blank.StepId.ShouldBe("⑱-1");
        blank.Message.ShouldContain("空欄");
        result.HasFileError.ShouldBeFalse();
        result.Succeeded.ShouldBeFalse();
    }

    [Fact]
    public void Bad_rows_in_xlsx_are_reported_with_their_sheet_row()
    {
        using var xlsx = TestData.Xlsx([TestData.Header, Row("岩手県", "-", "生活保護"), Row("岩手県", "-", "介護", i => i == 0 ? "x" : "未")]);
        var result = WorkbookReader.ReadXlsx(xlsx);
        result.HeaderLineNumber.ShouldBe(3);
        result.Rows.Single().LineNumber.ShouldBe(4);
        result.Errors.Select(e => (e.LineNumber, e.StepId)).ShouldBe([(5, null), (5, "①-1")]);
    }

    [Fact]
    public void Business_is_found_by_official_or_workbook_name_and_municipality_dash_means_the_prefecture()
    {
        var result = ReadCsv(TestData.Header,
            Row("東京都", "千代田区", "住民基本台帳"), Row("東京都", "港区", "住民記録"), Row("東京都", "新宿区", "戸籍附票"),
            Row("東京都", "－", "生活保護"), Row("東京都", "", "児童扶養手当"));
        result.Errors.ShouldBeEmpty();
        result.Rows.Select(r => r.Row.Business.Number).ShouldBe([3, 3, 4, 15, 14]);
        result.Rows.Select(r => r.Row.MunicipalityName).ShouldBe(["千代田区", "港区", "新宿区", null, null]);
    }

    [Fact]
    public void Optional_code_column_may_be_anywhere()
    {
        string[] header = [.. TestData.Header[..2], "団体コード", .. TestData.Header[2..]];
        string[] row = [.. Row("北海道", "札幌市", "住民記録")[..2], "011002", .. Row("北海道", "札幌市", "住民記録")[2..]];
        var result = ReadCsv(header, row);
        result.Errors.ShouldBeEmpty();
        result.Rows.Single().Row.LocalGovernmentCode.ShouldBe("011002");

        using var xlsx = TestData.Xlsx([header, row]);
        WorkbookReader.ReadXlsx(xlsx).Rows.Single().Row.LocalGovernmentCode.ShouldBe("011002");
    }

    [Fact]
    public void A_code_stored_as_a_number_in_Excel_keeps_its_leading_zero_and_is_checked()
    {
        string[] header = [.. TestData.Header, "団体コード"];
        Dictionary<string, object?> Line(IReadOnlyList<object?> cells) => cells.Select((c, i) => (c, i)).ToDictionary(x => $"c{x.i:D2}", x => x.c);
        object?[] Data(string municipality, object code) => [.. Row("北海道", municipality, "住民記録"), code];
        using var xlsx = new MemoryStream();
        xlsx.SaveAs(new Dictionary<string, object>
        {
            [WorkbookLayout.SheetName] = new[] { Line(header), Line(Data("函館市", 12025)), Line(Data("札幌市", 11002d)), Line(Data("小樽市", 12030)) },
        }, printHeader: false, excelType: ExcelType.XLSX);
        xlsx.Position = 0;

        var result = WorkbookReader.ReadXlsx(xlsx);

        result.Rows.Count.ShouldBe(2);
        result.Rows.Select(r => r.Row.LocalGovernmentCode).ShouldBe(["012025", "011002"]);
        var error = result.Errors.ShouldHaveSingleItem();
        error.LineNumber.ShouldBe(4);
        error.Message.ShouldBe("団体コード「12030」を6桁の「012030」として読みましたが、団体コード「012030」の検査数字が正しくありません（正しくは 012033）。");
    }

    [Fact]
    public void Step_columns_may_be_in_any_order_and_unknown_columns_are_ignored()
    {
        var order = Enumerable.Range(0, 40).Reverse().ToArray();
        string[] header = ["業務名", "備考", "市区町村名", "都道府県名", .. order.Select(i => MigrationStepDefinition.All[i].WorkbookName)];
        string[] row = ["住民記録", "メモ", "札幌市", "北海道", .. order.Select(i => i == 0 ? "作業中" : "完了済み")];
        var result = ReadCsv(header, row);
        result.Errors.ShouldBeEmpty();
        result.IgnoredColumns.ShouldBe(["備考"]);
        var read = result.Rows.Single().Row;
        read.Statuses[0].ShouldBe(StepStatus.InProgress);
        read.Statuses.Skip(1).ShouldAllBe(s => s == StepStatus.Completed);
        read.PrefectureName.ShouldBe("北海道");
    }

    [Fact]
    public void Missing_step_columns_are_a_file_level_error_naming_them()
    {
        var header = TestData.Header.Where((_, i) => i != 3 + 5 && i != 3 + 39).ToArray();
        var row = Row("北海道", "-", "生活保護").Take(header.Length).ToArray();
        var result = ReadCsv(header, row);
        result.Rows.ShouldBeEmpty();
        result.HasFileError.ShouldBeTrue();
        var error = result.Errors.Single();
        error.LineNumber.ShouldBeNull();
        error.Message.ShouldContain("2 個");
        error.Message.ShouldContain("②-3「移行に係る現行システムベンダとの打合せ・役割の認識合わせ」");
        error.Message.ShouldContain("⑱-1「運用開始ステータス」");
    }

    [Fact]
    public void Missing_name_column_and_duplicate_column_are_file_level_errors()
    {
        var result = ReadCsv(["都道府県名", "業務名", .. TestData.Header[3..], TestData.Header[3]]);
        result.HasFileError.ShouldBeTrue();
        result.Errors.ShouldContain(e => e.Message.Contains("市区町村名"));
        result.Errors.ShouldContain(e => e.Message.Contains("2つあります"));
    }

    [Fact]
    public void No_header_empty_file_and_garbage_do_not_throw()
    {
        ReadCsv(["a", "b"], ["c", "d"]).Errors.Single().Message.ShouldContain("見出し行");
        WorkbookReader.ReadCsv(new MemoryStream()).HasFileError.ShouldBeTrue();
        WorkbookReader.ReadXlsx(new MemoryStream([1, 2, 3, 4])).Errors.Single().Message.ShouldContain("xlsx");
        WorkbookReader.ReadXlsx(new MemoryStream("PK\x03\x04garbage"u8.ToArray())).HasFileError.ShouldBeTrue();
        WorkbookReader.Read(new MemoryStream("PK\x03\x04garbage"u8.ToArray())).HasFileError.ShouldBeTrue();
    }

    [Fact]
    public void Missing_sheet_is_reported_with_the_sheets_present()
    {
        using var xlsx = TestData.Xlsx([TestData.Header, Row("北海道", "-", "生活保護")], sheetName: "Sheet1");
        var error = WorkbookReader.ReadXlsx(xlsx).Errors.Single();
        error.IsFileLevel.ShouldBeTrue();
        error.Message.ShouldContain("「業務別ステップ別進捗一覧」");
        error.Message.ShouldContain("「概要」");
        error.Message.ShouldContain("「Sheet1」");
    }

    [Fact]
    public void Duplicate_rows_are_reported()
    {
        var result = ReadCsv(TestData.Header, Row("北海道", "札幌市", "住民記録"), Row("北海道", "札幌市", "住民基本台帳"));
        result.Rows.Count.ShouldBe(1);
        var error = result.Errors.Single();
        error.LineNumber.ShouldBe(3);
        error.Message.ShouldContain("2行目");
    }

    [Fact]
    public void Csv_title_lines_blank_lines_and_a_header_cell_across_lines_keep_line_numbers()
    {
        var header = TestData.Header.ToArray();
        header[3 + 5] = "移行に係る現行システムベンダとの打合せ・役割の\n認識合わせ"; // Alt+Enter in Excel
        var text = "進捗状況（令和8年1月時点）,,\r\n\r\n" + TestData.CsvText([header]) + "\r\n" + TestData.CsvText([Row("秋田県", "-", "生活保護", i => i == 2 ? "未,着手" : "未")]);
        var result = WorkbookReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        result.HeaderLineNumber.ShouldBe(3);
        result.Errors.Single().LineNumber.ShouldBe(6);
        result.Errors.Single().Message.ShouldContain("「未,着手」");
    }

    [Fact]
    public void Shift_jis_csv_is_detected()
    {
        var text = TestData.CsvText([TestData.Header, Row("宮城県", "仙台市", "住民記録", i => i < 10 ? "未" : "対象外")]);
        var result = WorkbookReader.ReadCsv(new MemoryStream(WorkbookReader.ShiftJis.GetBytes(text)));
        result.Errors.ShouldBeEmpty();
        var row = result.Rows.Single().Row;
        row.MunicipalityName.ShouldBe("仙台市");
        row.Business.OfficialName.ShouldBe("住民基本台帳");
        ProgressMath.ForRow(row.Statuses).CompletionRate.ShouldBe(0.75m);

        // Also when told, and UTF-8 without BOM is still UTF-8.
        WorkbookReader.ReadCsv(new MemoryStream(WorkbookReader.ShiftJis.GetBytes(text)), encoding: WorkbookReader.ShiftJis).Succeeded.ShouldBeTrue();
        WorkbookReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text))).Rows.Single().Row.ShouldBe(row);
    }

    [Fact]
    public async Task Read_tells_xlsx_from_csv_and_read_async_accepts_a_non_seekable_stream()
    {
        var lines = new[] { TestData.Header, Row("山形県", "-", "生活保護") };
        using var xlsx = TestData.Xlsx(lines);
        using var csv = TestData.Utf8Csv(lines, bom: false);
        var fromXlsx = WorkbookReader.Read(xlsx).Rows.Single().Row;
        var fromCsv = WorkbookReader.Read(csv).Rows.Single().Row;
        fromXlsx.ShouldBe(fromCsv);

        csv.Position = 0;
        var result = await WorkbookReader.ReadAsync(new ForwardOnlyStream(csv));
        result.Rows.Single().Row.ShouldBe(fromCsv);
        WorkbookReader.FormatFromFileName("進捗.XLSX").ShouldBe(WorkbookFormat.Xlsx);
        WorkbookReader.FormatFromFileName("進捗.csv").ShouldBe(WorkbookFormat.Csv);
        WorkbookReader.FormatFromFileName("進捗.pdf").ShouldBeNull();
    }

    [Fact]
    public void Progress_is_reported_as_rows_are_read()
    {
        var rows = Enumerable.Range(1, 250).Select(i => Row("北海道", $"町{i}", "住民記録")).ToList();
        var log = new TestData.ProgressLog();
        using var csv = TestData.Utf8Csv([TestData.Header, .. rows], bom: true);
        WorkbookReader.ReadCsv(csv, log).Rows.Count.ShouldBe(250);
        log.Values.ShouldBe([100, 200, 250]);

        var xlsxLog = new TestData.ProgressLog();
        using var xlsx = TestData.Xlsx([TestData.Header, .. rows]);
        WorkbookReader.ReadXlsx(xlsx, xlsxLog).Rows.Count.ShouldBe(250);
        xlsxLog.Values.ShouldBe([100, 200, 250]);
    }

    [Fact]
    public void Errors_are_capped_but_counted()
    {
        var rows = Enumerable.Range(1, 30).Select(i => Row("北海道", $"町{i}", "住民記録", _ => "?")).ToList();
        using var csv = TestData.Utf8Csv([TestData.Header, .. rows], bom: true);
        var result = WorkbookReader.ReadCsv(csv);
        result.TotalErrorCount.ShouldBe(1200);
        result.Errors.Count.ShouldBe(WorkbookReader.MaxErrors);
        result.ErrorsTruncated.ShouldBeTrue();
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
