using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace DxCollab.Standardization.Workbook;

/// <summary>Writes rows in the 総務省 layout: 都道府県名, 市区町村名 (「-」 for the prefecture itself), 業務名 (the
/// workbook name, e.g. 住民記録), the 40 step columns headed by the step's workbook name and holding 完了済み / 作業中 /
/// 未 / 対象外 — and, only when some row has one, a 団体コード column after the steps (so the 総務省 columns keep
/// their positions). <see cref="WorkbookReader"/> reads back exactly the rows written. Pure: writes to the given
/// stream only, which is left open.</summary>
public static class WorkbookWriter
{
    /// <summary>An .xlsx with one sheet 「業務別ステップ別進捗一覧」 (all cells text).</summary>
    public static void WriteXlsx(Stream stream, IEnumerable<WorkbookRow> rows)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (headers, table) = Table(rows);
        var sheet = table.Select(cells =>
        {
            var row = new Dictionary<string, object?>(headers.Count);
            for (var i = 0; i < headers.Count; i++) row[headers[i]] = cells[i];
            return row;
        });
        var configuration = new OpenXmlConfiguration { FreezeRowCount = 1, FreezeColumnCount = 3, AutoFilter = true };
        if (table.Count == 0)
        {
            // MiniExcel takes the columns from the first row; with no rows write the header alone.
            var header = new Dictionary<string, object?>(headers.Count);
            for (var i = 0; i < headers.Count; i++) header[$"c{i}"] = headers[i];
            stream.SaveAs(new[] { header }, printHeader: false, sheetName: WorkbookLayout.SheetName, excelType: ExcelType.XLSX, configuration: configuration);
            return;
        }
        stream.SaveAs(sheet, printHeader: true, sheetName: WorkbookLayout.SheetName, excelType: ExcelType.XLSX, configuration: configuration);
    }

    /// <summary>CSV as Excel opens it without asking: UTF-8 with BOM, CRLF line ends, every field quoted.</summary>
    public static void WriteCsv(Stream stream, IEnumerable<WorkbookRow> rows)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (headers, table) = Table(rows);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
        WriteCsvLine(writer, headers);
        foreach (var cells in table) WriteCsvLine(writer, cells);
    }

    /// <summary>The cells of one row, in column order (without 団体コード).</summary>
    public static IReadOnlyList<string> Cells(WorkbookRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return [row.PrefectureName, row.MunicipalityName ?? WorkbookLayout.PrefectureMarker, row.Business.WorkbookName,
            .. row.Statuses.Select(s => s.WorkbookText())];
    }

    private static (IReadOnlyList<string> Headers, List<IReadOnlyList<string>> Table) Table(IEnumerable<WorkbookRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        var withCode = list.Any(r => r.LocalGovernmentCode is not null);
        var table = list.Select(r => withCode ? (IReadOnlyList<string>)[.. Cells(r), r.LocalGovernmentCode ?? ""] : Cells(r)).ToList();
        return (WorkbookLayout.Headers(withCode), table);
    }

    private static void WriteCsvLine(TextWriter writer, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) writer.Write(',');
            writer.Write('"');
            writer.Write(cells[i].Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }
        writer.WriteLine();
    }
}
