using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace DxCollab.TalentPool.Insights;

/// <summary>A file of 団体コード,人数 rows (CSV in UTF-8 or Shift_JIS, or the first sheet of an xlsx); a header row is
/// skipped when its first cell is not a number. Rows keep their line number so errors name the line people see.</summary>
public static class ItStaffFile
{
    public sealed record Line(int Number, string Code, string Staff);

    public static async Task<(IReadOnlyList<Line>? Lines, string? Error)> ReadAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) return (null, "ファイルが空です。");
        try
        {
            var cells = bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) ? XlsxRows(bytes) : CsvRows(bytes);
            var lines = cells.Select((c, i) => new Line(i + 1, Cell(c, 0), Cell(c, 1)))
                .Where(l => l.Code.Length > 0 || l.Staff.Length > 0).ToList();
            if (lines.Count > 0 && !lines[0].Code.All(char.IsAsciiDigit)) lines.RemoveAt(0); // 団体コード,人数
            return lines.Count == 0 ? (null, "団体コードと人数の行がありません（1列目に団体コード、2列目に人数）。") : (lines, null);
        }
        // Any failure of the readers on a damaged or foreign file (a .docx is a zip too: MiniExcel may throw XML or null
        // reference errors) is the same answer: the file cannot be read.
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, "CSV（UTF-8 または Shift_JIS）か Excel ブック（.xlsx）として読み込めません。");
        }
    }

    private static string Cell(IReadOnlyList<string> row, int i) => i < row.Count ? row[i].Trim().Trim('"').Trim() : "";

    private static List<IReadOnlyList<string>> CsvRows(byte[] bytes)
    {
        var text = Decode(bytes);
        return [.. text.Split('\n').Select(l => (IReadOnlyList<string>)l.TrimEnd('\r').Split(','))];
    }

    /// <summary>A BOM or valid UTF-8 → UTF-8; otherwise Shift_JIS (CP932), what Excel writes for a Japanese CSV.</summary>
    private static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith("\xEF\xBB\xBF"u8)) return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var sjis = CodePagesEncodingProvider.Instance.GetEncoding(932) ?? throw new InvalidOperationException("Code page 932 is not available.");
            return sjis.GetString(bytes);
        }
    }

    private static List<IReadOnlyList<string>> XlsxRows(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var rows = new List<IReadOnlyList<string>>();
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
            rows.Add([Text(row.TryGetValue("A", out var a) ? a : null), Text(row.TryGetValue("B", out var b) ? b : null)]);
        return rows;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
