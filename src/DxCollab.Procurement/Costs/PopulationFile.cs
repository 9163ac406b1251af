using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace DxCollab.Procurement.Costs;

/// <summary>A file of 団体コード,人口 rows for the calculator: CSV (UTF-8 with or without BOM, or Shift_JIS as Excel saves it)
/// or the first sheet of an xlsx. A first row whose code is not digits is a header and skipped; errors name the line.</summary>
public static class PopulationFile
{
    public const long MaxBytes = 1024 * 1024;

    public sealed record Row(int Line, string Code, long Population);

    /// <summary>The rows, or the first problem (Japanese, naming the line).</summary>
    public static async Task<(IReadOnlyList<Row>? Rows, string? Error)> ReadAsync(Stream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) return (null, "ファイルが空です。");
        List<string[]> cells;
        try
        {
            cells = bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) ? Sheet(bytes) : Csv(bytes);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, "CSV（UTF-8 または Shift_JIS）か Excel ブック（.xlsx）として読み込めません。");
        }
        var rows = new List<Row>();
        for (var i = 0; i < cells.Count; i++)
        {
            var (code, text) = (Cell(cells[i], 0), Cell(cells[i], 1).Replace(",", "", StringComparison.Ordinal));
            if (code.Length == 0 && text.Length == 0) continue;
            if (rows.Count == 0 && i == 0 && !code.All(char.IsAsciiDigit)) continue; // 団体コード,人口
            if (code.Length != 6 || !code.All(char.IsAsciiDigit)) return (null, $"{i + 1}行目: 団体コードは6桁の数字で書いてください（「{code}」）。");
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var population) || population > CostSplit.MaxPopulation)
                return (null, $"{i + 1}行目: 人口は0以上の整数で書いてください（「{text}」）。");
            if (rows.Any(r => r.Code == code)) return (null, $"{i + 1}行目: 団体コード{code}が2回あります。");
            rows.Add(new Row(i + 1, code, population));
        }
        return rows.Count == 0 ? (null, "団体コードと人口の行がありません（1列目に団体コード、2列目に人口）。") : (rows, null);
    }

    private static string Cell(string[] row, int i) => i < row.Length ? row[i].Trim().Trim('"').Trim() : "";

    private static List<string[]> Csv(byte[] bytes)
    {
        string text;
        if (bytes.AsSpan().StartsWith("\xEF\xBB\xBF"u8)) text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        else
        {
            try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
            catch (DecoderFallbackException) { text = CodePagesEncodingProvider.Instance.GetEncoding(932)!.GetString(bytes); }
        }
        return [.. text.Split('\n').Select(l => l.TrimEnd('\r').Split(','))];
    }

    private static List<string[]> Sheet(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return [.. stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Select(r => new[] { Text(r.TryGetValue("A", out var a) ? a : null), Text(r.TryGetValue("B", out var b) ? b : null) })];
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
