using DxCollab.Platform.Exports;

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
        var (headers, table) = Table(rows);
        TabularExport.WriteXlsx(stream, headers, table, WorkbookLayout.SheetName, new XlsxLayout(FreezeRows: 1, FreezeColumns: 3));
    }

    /// <summary>CSV as Excel opens it without asking (UTF-8 with BOM, or Shift_JIS on request), CRLF line ends,
    /// every field quoted.</summary>
    public static void WriteCsv(Stream stream, IEnumerable<WorkbookRow> rows) => WriteCsv(stream, rows, ExportEncoding.Utf8);

    /// <inheritdoc cref="WriteCsv(Stream, IEnumerable{WorkbookRow})"/>
    public static void WriteCsv(Stream stream, IEnumerable<WorkbookRow> rows, ExportEncoding encoding)
    {
        var (headers, table) = Table(rows);
        TabularExport.WriteCsv(stream, headers, table, encoding);
    }

    /// <summary>The cells of one row, in column order (without 団体コード).</summary>
    public static IReadOnlyList<string> Cells(WorkbookRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return [row.PrefectureName, row.MunicipalityName ?? WorkbookLayout.PrefectureMarker, row.Business.WorkbookName,
            .. row.Statuses.Select(s => s.WorkbookText())];
    }

    private static (IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Table) Table(IEnumerable<WorkbookRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        var withCode = list.Any(r => r.LocalGovernmentCode is not null);
        var table = list.Select(r => (IReadOnlyList<object?>)(withCode ? [.. Cells(r), r.LocalGovernmentCode ?? ""] : [.. Cells(r)])).ToList();
        return (WorkbookLayout.Headers(withCode), table);
    }
}
