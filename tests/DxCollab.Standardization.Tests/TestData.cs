using System.Text;
using DxCollab.Standardization.Workbook;
using DxCollab.Platform.ReferenceData;
using DxCollab.Platform.Text;
using MiniExcelLibs;
using DxCollab.Standardization.Tracking;

namespace DxCollab.Standardization.Tests;

/// <summary>The 令和8年1月 prefecture data copied into Data/ (see Data/README.md), and helpers that lay it out as the
/// 総務省 sheet without going through <see cref="WorkbookWriter"/>.</summary>
internal static class TestData
{
    public sealed record RawRow(string Prefecture, string Business, string[] Statuses);

    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    /// <summary>prefecture-step-status.csv pivoted to one row per 都道府県 × 業務, statuses as written in the file.</summary>
    public static IReadOnlyList<RawRow> PrefectureRows { get; } = LoadPrefectureRows();

    /// <summary>(prefecture, business) → published 完了率.</summary>
    public static IReadOnlyDictionary<(string, string), decimal> PublishedRates { get; } = LoadPublishedRates();

    private static IReadOnlyList<RawRow> LoadPrefectureRows()
    {
        var rows = new List<RawRow>();
        var index = new Dictionary<(string, string), RawRow>();
        foreach (var line in File.ReadLines(DataFile("prefecture-step-status.csv")).Skip(1).Where(l => l.Length > 0))
        {
            var f = Csv.SplitLine(line);
            if (!index.TryGetValue((f[0], f[1]), out var row))
            {
                row = new RawRow(f[0], f[1], new string[40]);
                index[(f[0], f[1])] = row;
                rows.Add(row);
            }
            row.Statuses[int.Parse(f[2]) - 1] = f[3];
        }
        return rows;
    }

    private static IReadOnlyDictionary<(string, string), decimal> LoadPublishedRates() =>
        File.ReadLines(DataFile("prefecture-published-rates.csv")).Skip(1).Where(l => l.Length > 0)
            .Select(Csv.SplitLine)
            .ToDictionary(f => (f[0], f[1]), f => decimal.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Header cells as in the 総務省 workbook (step names with its stray spaces).</summary>
    public static string[] Header => ["都道府県名", "市区町村名", "業務名", .. MigrationStepDefinition.All.Select(s => s.WorkbookName)];

    public static string[] Cells(RawRow row) => [row.Prefecture, "-", row.Business, .. row.Statuses];

    /// <summary>CSV text: header then rows; fields quoted only when needed (as Excel saves).</summary>
    public static string CsvText(IEnumerable<string[]> lines, string newLine = "\r\n") =>
        string.Concat(lines.Select(cells => string.Join(",", cells.Select(Quote)) + newLine));

    private static string Quote(string? cell) =>
        cell is null ? "" : cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;

    public static MemoryStream Utf8Csv(IEnumerable<string[]> lines, bool bom) =>
        new([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(CsvText(lines))]);

    /// <summary>An xlsx with a sheet 「概要」 first, then the progress sheet with a title row and a blank row above
    /// the header (so the header is on row 3), written with MiniExcel directly.</summary>
    public static MemoryStream Xlsx(IEnumerable<string?[]> lines, string sheetName = WorkbookLayout.SheetName, bool titleRows = true)
    {
        var all = lines.ToList();
        var width = all.Max(l => l.Length);
        Dictionary<string, object?> Row(IReadOnlyList<string?> cells)
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < width; i++) row[$"c{i:D2}"] = i < cells.Count ? cells[i] : null;
            return row;
        }
        var sheet = new List<Dictionary<string, object?>>();
        if (titleRows)
        {
            sheet.Add(Row(["市区町村の標準化・共通化に係る手順書の各ステップの進捗状況（令和8年1月時点）"]));
            sheet.Add(Row([]));
        }
        sheet.AddRange(all.Select(Row));
        var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            ["概要"] = new[] { new Dictionary<string, object?> { ["c00"] = "説明" } },
            [sheetName] = sheet,
        }, printHeader: false, excelType: ExcelType.XLSX);
        stream.Position = 0;
        return stream;
    }

    public static StepStatus[] Statuses(params (int Index, StepStatus Status)[] set)
    {
        var statuses = Enumerable.Repeat(StepStatus.Completed, 40).ToArray();
        foreach (var (i, s) in set) statuses[i] = s;
        return statuses;
    }

    /// <summary>Collects every report synchronously (Progress&lt;T&gt; would post to a thread pool).</summary>
    public sealed class ProgressLog : IProgress<int>
    {
        public List<int> Values { get; } = [];
        public void Report(int value) => Values.Add(value);
    }
}
