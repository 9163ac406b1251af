using System.Globalization;
using System.Text;

namespace DxCollab.Platform.Exports;

/// <summary>Writes one CSV table (RFC 4180: CRLF, a text cell is always quoted and its quotes doubled, so commas and
/// line breaks stay inside their cell). Text is guarded against formula injection (<see cref="TabularCells.Guard"/>);
/// numbers and dates are written as they are. In Shift_JIS a character CP932 cannot hold stops the export with an
/// <see cref="ExportEncodingException"/> instead of turning silently into 「?」.</summary>
public sealed class CsvTableWriter : IAsyncDisposable, IDisposable
{
    private static readonly Encoding StrictShiftJis = CodePagesEncodingProvider.Instance.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("Code page 932 is not available.");

    private readonly StreamWriter _writer;
    private readonly ExportEncoding _encoding;
    private readonly IReadOnlyList<string> _headers;
    private readonly StringBuilder _line = new();
    private int _row;

    /// <summary>Starts the table and writes the header row. The stream is left open.</summary>
    public CsvTableWriter(Stream output, IReadOnlyList<string> headers, ExportEncoding encoding = ExportEncoding.Utf8)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(headers);
        _encoding = encoding;
        _headers = headers;
        var text = encoding == ExportEncoding.ShiftJis ? StrictShiftJis : new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        _writer = new StreamWriter(output, text, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        Append(headers.Cast<object?>().ToArray(), guard: false);
        _writer.Write(_line);
    }

    public void WriteRow(IReadOnlyList<object?> cells)
    {
        Append(cells, guard: true);
        _writer.Write(_line);
    }

    public async Task WriteRowAsync(IReadOnlyList<object?> cells, CancellationToken ct = default)
    {
        Append(cells, guard: true);
        await _writer.WriteAsync(_line, ct);
    }

    public void Dispose() => _writer.Dispose();

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    /// <summary>Builds the line in <see cref="_line"/> (checking every cell first, so a refused row writes nothing).</summary>
    private void Append(IReadOnlyList<object?> cells, bool guard)
    {
        _row++;
        _line.Clear();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) _line.Append(',');
            if (cells[i] is string or char or null)
            {
                var text = TabularCells.Text(cells[i]);
                if (guard) text = TabularCells.Guard(text);
                if (_encoding == ExportEncoding.ShiftJis) text = ToShiftJisRepertoire(text, i);
                _line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else _line.Append(TabularCells.Text(cells[i]));
        }
        _line.Append("\r\n");
    }

    /// <summary>Maps the usual Unicode look-alikes to the code points CP932 uses (as Windows does: 〜 → ～, − → －,
    /// ‖ → ∥ …), then refuses anything else CP932 cannot hold.</summary>
    private string ToShiftJisRepertoire(string text, int column)
    {
        var mapped = TabularCells.ToCp932Variants(text);
        try
        {
            StrictShiftJis.GetByteCount(mapped);
            return mapped;
        }
        catch (EncoderFallbackException ex)
        {
            var character = ex.CharUnknownHigh != '\0' ? new string([ex.CharUnknownHigh, ex.CharUnknownLow]) : ex.CharUnknown.ToString();
            throw new ExportEncodingException(_row, column < _headers.Count ? _headers[column] : $"{column + 1}列目", character);
        }
    }
}

/// <summary>Cell rules shared by the CSV and xlsx writers.</summary>
public static class TabularCells
{
    /// <summary>Text that Excel would run as a formula (starting with = + - @, tab or CR) gets a leading
    /// apostrophe. A single character is never a formula, so the 総務省 「-」 stays 「-」.</summary>
    public static string Guard(string text) =>
        text.Length > 1 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>How a cell value is written: numbers invariant, dates ISO, text as is.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>JIS X 0208 characters whose Unicode mapping differs between JIS and CP932 (text typed on a Mac or
    /// copied from a web page): replaced by the CP932 form, which looks the same.</summary>
    public static string ToCp932Variants(string text)
    {
        if (!text.AsSpan().ContainsAny("\u301C\u2016\u2212\u00A2\u00A3\u00AC\u2014")) return text;
        var builder = new StringBuilder(text);
        builder.Replace('\u301C', '\uFF5E').Replace('\u2016', '\u2225').Replace('\u2212', '\uFF0D')
            .Replace('\u00A2', '\uFFE0').Replace('\u00A3', '\uFFE1').Replace('\u00AC', '\uFFE2').Replace('\u2014', '\u2015');
        return builder.ToString();
    }
}
