using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;
using DxCollab.Platform.Text;
using MiniExcelLibs;

namespace DxCollab.Standardization.Workbook;

/// <summary>File formats of the 総務省 layout.</summary>
public enum WorkbookFormat
{
    Xlsx,
    Csv,
}

/// <summary>Reads the 総務省 sheet 「業務別ステップ別進捗一覧」 from .xlsx (streaming, MiniExcel) or the same layout as CSV
/// (UTF-8 with or without BOM, UTF-16 with BOM, or Shift_JIS / CP932 as Excel saves it). The header row is the first
/// row (within the first <see cref="MaxHeaderSearchRows"/>) with a 都道府県名 cell; header texts are matched with
/// white space removed and NFKC, so 「役割の 認識合わせ」 matches 「役割の認識合わせ」. Step columns may be in any order.
/// Never throws for bad input: problems come back as <see cref="WorkbookError"/>s with line numbers and Japanese
/// messages. Pure: no database, no file system.</summary>
public static class WorkbookReader
{
    /// <summary>How many rows are searched for the header row.</summary>
    public const int MaxHeaderSearchRows = 20;
    /// <summary>Progress is reported every this many data rows, and once at the end.</summary>
    public const int ProgressInterval = 100;
    /// <summary>At most this many errors are kept (<see cref="WorkbookReadResult.TotalErrorCount"/> counts all).</summary>
    public const int MaxErrors = 1000;

    private const int SniffBytes = 64 * 1024;

    /// <summary>The format for a file name (.xlsx → Xlsx, .csv/.txt → Csv), or null.</summary>
    public static WorkbookFormat? FormatFromFileName(string? fileName) =>
        Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
        {
            ".xlsx" or ".xlsm" => WorkbookFormat.Xlsx,
            ".csv" or ".txt" => WorkbookFormat.Csv,
            _ => null,
        };

    /// <summary>Reads xlsx or CSV, told apart by content (an xlsx is a zip: starts with 「PK」).</summary>
    public static WorkbookReadResult Read(Stream stream, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream = Seekable(stream);
        var start = stream.Position;
        Span<byte> head = stackalloc byte[4];
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = start;
        return read == 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4
            ? ReadXlsx(stream, progress, cancellationToken)
            : ReadCsv(stream, progress, null, cancellationToken);
    }

    /// <summary>As <see cref="Read"/>, first copying a non-seekable stream (e.g. a request body) into memory
    /// asynchronously, so no synchronous I/O happens on it.</summary>
    public static async Task<WorkbookReadResult> ReadAsync(Stream stream, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            stream = buffer;
        }
        return Read(stream, progress, cancellationToken);
    }

    /// <summary>Reads the first sheet named 「業務別ステップ別進捗一覧」 (name matched ignoring white space).</summary>
    public static WorkbookReadResult ReadXlsx(Stream stream, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var parser = new Parser(progress);
        stream = Seekable(stream);
        var start = stream.Position;
        List<string> sheets;
        try
        {
            sheets = stream.GetSheetNames();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return parser.Fail("Excel ブック（.xlsx）として読み込めません。ファイルが壊れているか、xlsx 形式ではありません。");
        }
        var sheet = sheets.FirstOrDefault(s => WorkbookLayout.HeaderKey(s) == WorkbookLayout.HeaderKey(WorkbookLayout.SheetName));
        if (sheet is null)
            return parser.Fail($"シート「{WorkbookLayout.SheetName}」がありません（このブックのシート: {string.Join("、", sheets.Select(s => $"「{s}」"))}）。");
        stream.Position = start;
        parser.Run(XlsxRows(stream, sheet, parser), cancellationToken);
        return parser.Result();
    }

    /// <summary>Reads the layout from CSV. Without <paramref name="encoding"/>: a BOM decides (UTF-8/UTF-16);
    /// otherwise UTF-8 if the start of the file is valid UTF-8, else Shift_JIS (CP932).</summary>
    public static WorkbookReadResult ReadCsv(Stream stream, IProgress<int>? progress = null, Encoding? encoding = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var parser = new Parser(progress);
        stream = Seekable(stream);
        using var reader = new StreamReader(stream, encoding ?? DetectEncoding(stream), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        parser.Run(CsvRows(reader), cancellationToken);
        return parser.Result();
    }

    /// <summary>The Shift_JIS code page Excel uses for Japanese CSV (CP932), from System.Text.Encoding.CodePages
    /// (part of the .NET shared framework; no global registration needed).</summary>
    public static Encoding ShiftJis { get; } = CodePagesEncodingProvider.Instance.GetEncoding(932)
        ?? throw new InvalidOperationException("Code page 932 is not available.");

    private static Stream Seekable(Stream stream)
    {
        if (stream.CanSeek) return stream;
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        return buffer;
    }

    private static Encoding DetectEncoding(Stream stream)
    {
        var start = stream.Position;
        var buffer = ArrayPool<byte>.Shared.Rent(SniffBytes);
        try
        {
            var length = stream.ReadAtLeast(buffer.AsSpan(0, SniffBytes), SniffBytes, throwOnEndOfStream: false);
            var bytes = buffer.AsSpan(0, length);
            if (bytes.StartsWith("\xEF\xBB\xBF"u8) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
                return new UTF8Encoding(false); // the StreamReader follows the BOM
            var chars = ArrayPool<char>.Shared.Rent(length + 1);
            try
            {
                var status = Utf8.ToUtf16(bytes, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: length < SniffBytes);
                return status == System.Buffers.OperationStatus.InvalidData ? ShiftJis : new UTF8Encoding(false);
            }
            finally { ArrayPool<char>.Shared.Return(chars); }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            stream.Position = start;
        }
    }

    /// <summary>CSV records with the line each starts on; a quoted field may span lines.</summary>
    private static IEnumerable<(int Line, IReadOnlyList<string?> Cells)> CsvRows(TextReader reader)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var first = lineNumber;
            var open = QuoteCount(line) % 2 == 1;
            if (open)
            {
                var record = new StringBuilder(line);
                while (open && reader.ReadLine() is { } next)
                {
                    lineNumber++;
                    record.Append('\n').Append(next);
                    open ^= QuoteCount(next) % 2 == 1;
                }
                line = record.ToString();
            }
            yield return (first, Csv.SplitLine(line));
        }
    }

    private static int QuoteCount(string line)
    {
        var count = 0;
        foreach (var c in line) if (c == '"') count++;
        return count;
    }

    private static IEnumerable<(int Line, IReadOnlyList<string?> Cells)> XlsxRows(Stream stream, string sheet, Parser parser)
    {
        IEnumerator<dynamic> rows;
        try
        {
            rows = stream.Query(useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX).GetEnumerator();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            parser.FileError($"シート「{sheet}」を読み込めません。");
            yield break;
        }
        using (rows)
        {
            var lineNumber = 0;
            while (true)
            {
                bool moved;
                try
                {
                    moved = rows.MoveNext();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    parser.FileError($"シート「{sheet}」の {lineNumber + 1} 行目付近を読み込めません。ファイルが壊れている可能性があります。");
                    yield break;
                }
                if (!moved) yield break;
                lineNumber++;
                yield return (lineNumber, Cells((IDictionary<string, object?>)rows.Current));
            }
        }
    }

    /// <summary>MiniExcel gives a row as column letter → value; turn it into a list by column index.</summary>
    private static string?[] Cells(IDictionary<string, object?> row)
    {
        var cells = new string?[row.Count == 0 ? 0 : row.Keys.Max(ColumnIndex) + 1];
        foreach (var (key, value) in row)
            cells[ColumnIndex(key)] = CellText(value);
        return cells;
    }

    private static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }

    private static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Turns rows of cells into <see cref="WorkbookRow"/>s and errors.</summary>
    private sealed class Parser(IProgress<int>? progress)
    {
        private static readonly Dictionary<string, int> StepByKey = BuildStepKeys();

        private readonly List<WorkbookReadRow> _rows = [];
        private readonly List<WorkbookError> _errors = [];
        private readonly List<string> _ignored = [];
        private readonly Dictionary<(string, string, int), int> _seen = [];
        private int _totalErrors;
        private int? _headerLine;
        private int _prefecture = -1, _municipality = -1, _business = -1, _code = -1;
        private readonly int[] _stepColumns = Enumerable.Repeat(-1, WorkbookLayout.StepCount).ToArray();
        private bool _stopped;
        private int _rowsRead;

        public void Run(IEnumerable<(int Line, IReadOnlyList<string?> Cells)> source, CancellationToken cancellationToken)
        {
            foreach (var (line, cells) in source)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_stopped) break;
                if (_headerLine is null)
                {
                    if (IsHeader(cells)) ReadHeader(line, cells);
                    else if (line >= MaxHeaderSearchRows)
                        FileError($"見出し行が見つかりません。先頭 {MaxHeaderSearchRows} 行の中に「{WorkbookLayout.PrefectureHeader}」「{WorkbookLayout.MunicipalityHeader}」「{WorkbookLayout.BusinessHeader}」とステップ名の列を持つ行が必要です。");
                    continue;
                }
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                ReadRow(line, cells);
                _rowsRead++;
                if (_rowsRead % ProgressInterval == 0) progress?.Report(_rowsRead);
            }
            if (!_stopped && _headerLine is null)
                FileError(_rowsRead == 0 && _errors.Count == 0
                    ? $"見出し行が見つかりません。「{WorkbookLayout.PrefectureHeader}」「{WorkbookLayout.MunicipalityHeader}」「{WorkbookLayout.BusinessHeader}」とステップ名の列を持つ行が必要です。"
                    : "見出し行が見つかりません。");
            if (!_stopped) progress?.Report(_rowsRead);
        }

        public WorkbookReadResult Fail(string message)
        {
            FileError(message);
            return Result();
        }

        public void FileError(string message)
        {
            _stopped = true;
            _rows.Clear();
            Error(null, message);
        }

        public WorkbookReadResult Result() => new(_rows, _errors, _headerLine, _ignored) { TotalErrorCount = _totalErrors };

        private void Error(int? line, string message, string? stepId = null)
        {
            _totalErrors++;
            if (_errors.Count < MaxErrors || line is null) _errors.Add(new(line, message, stepId));
        }

        private static bool IsHeader(IReadOnlyList<string?> cells) =>
            cells.Any(c => WorkbookLayout.HeaderKey(c) == WorkbookLayout.HeaderKey(WorkbookLayout.PrefectureHeader));

        private void ReadHeader(int line, IReadOnlyList<string?> cells)
        {
            _headerLine = line;
            var problems = new List<string>();
            for (var i = 0; i < cells.Count; i++)
            {
                var key = WorkbookLayout.HeaderKey(cells[i]);
                if (key.Length == 0) continue;
                if (key == WorkbookLayout.HeaderKey(WorkbookLayout.PrefectureHeader)) Set(ref _prefecture);
                else if (key == WorkbookLayout.HeaderKey(WorkbookLayout.MunicipalityHeader)) Set(ref _municipality);
                else if (key == WorkbookLayout.HeaderKey(WorkbookLayout.BusinessHeader)) Set(ref _business);
                else if (key == WorkbookLayout.HeaderKey(WorkbookLayout.CodeHeader)) Set(ref _code);
                else if (StepByKey.TryGetValue(key, out var step)) Set(ref _stepColumns[step]);
                else _ignored.Add(cells[i]!.Trim());

                void Set(ref int column)
                {
                    if (column >= 0) problems.Add($"列「{cells[i]!.Trim()}」が2つあります（{ColumnName(column)}列と{ColumnName(i)}列）。");
                    else column = i;
                }
            }
            var missing = new List<string>();
            if (_prefecture < 0) missing.Add(WorkbookLayout.PrefectureHeader);
            if (_municipality < 0) missing.Add(WorkbookLayout.MunicipalityHeader);
            if (_business < 0) missing.Add(WorkbookLayout.BusinessHeader);
            if (missing.Count > 0) problems.Add($"必要な列がありません: {string.Join("、", missing)}。");
            var missingSteps = WorkbookLayout.Steps.Where((_, i) => _stepColumns[i] < 0).ToList();
            if (missingSteps.Count > 0)
                problems.Add($"ステップの列が {missingSteps.Count} 個ありません: {string.Join("、", missingSteps.Select(s => $"{s.StepId}「{s.Name}」"))}。");
            foreach (var problem in problems) Error(null, $"見出し行（{line}行目）: {problem}");
            if (problems.Count > 0)
            {
                _stopped = true;
                _rows.Clear();
            }
        }

        private void ReadRow(int line, IReadOnlyList<string?> cells)
        {
            string Cell(int column) => column >= 0 && column < cells.Count ? (cells[column] ?? "").Trim() : "";
            var errorsBefore = _totalErrors;

            var prefecture = Cell(_prefecture);
            if (prefecture.Length == 0) Error(line, $"{WorkbookLayout.PrefectureHeader}が空欄です。");
            var municipalityText = Cell(_municipality);
            var municipality = WorkbookLayout.IsPrefectureMarker(municipalityText) ? null : municipalityText;
            var businessText = Cell(_business);
            var business = StandardBusiness.Find(businessText);
            if (businessText.Length == 0) Error(line, $"{WorkbookLayout.BusinessHeader}が空欄です。");
            else if (business is null) Error(line, $"業務名「{businessText}」は標準化対象の20業務にありません。");

            var statuses = new StepStatus[WorkbookLayout.StepCount];
            for (var i = 0; i < statuses.Length; i++)
            {
                var text = Cell(_stepColumns[i]);
                if (StepStatusText.TryParse(text, out statuses[i])) continue;
                var step = WorkbookLayout.Steps[i];
                Error(line, text.Length == 0
                        ? $"ステップ {step.StepId}「{step.Name}」のステータスが空欄です。"
                        : $"ステップ {step.StepId}「{step.Name}」のステータス「{text}」を読み取れません（完了済み・作業中・未（未着手）・対象外のいずれか）。",
                    step.StepId);
            }

            if (business is not null && prefecture.Length > 0)
            {
                var key = (JapaneseText.SearchKey(prefecture), JapaneseText.SearchKey(municipality), business.Number);
                if (_seen.TryGetValue(key, out var firstLine))
                    Error(line, $"{firstLine}行目と同じ団体・業務（{prefecture} {municipality ?? WorkbookLayout.PrefectureMarker} {business.WorkbookName}）の行です。");
                else _seen[key] = line;
            }
            var code = Code(line, Cell(_code));
            if (_totalErrors == errorsBefore)
                _rows.Add(new(line, new WorkbookRow(prefecture, municipality, business!, statuses, code)));
        }

        /// <summary>A 団体コード stored as a number loses its leading zero in Excel (012025 → 12025): digits are
        /// padded back to 6 and the check digit is checked, so a mistyped code is named here, not matched wrongly.
        /// Other text is left for the import to match (and refuse by name).</summary>
        private string Code(int line, string text)
        {
            if (text.Length is 0 or > 6 || !text.All(char.IsAsciiDigit)) return text;
            var code = text.PadLeft(6, '0');
            if (LocalGovernmentCode.Validate(code) is { } problem)
                Error(line, code == text ? problem : $"{WorkbookLayout.CodeHeader}「{text}」を6桁の「{code}」として読みましたが、{problem}");
            return code;
        }

        private static string ColumnName(int index)
        {
            var name = "";
            for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
            return name;
        }

        private static Dictionary<string, int> BuildStepKeys()
        {
            var keys = new Dictionary<string, int>();
            for (var i = 0; i < WorkbookLayout.Steps.Count; i++)
            {
                keys.TryAdd(WorkbookLayout.HeaderKey(WorkbookLayout.Steps[i].WorkbookName), i);
                keys.TryAdd(WorkbookLayout.HeaderKey(WorkbookLayout.Steps[i].Name), i);
            }
            return keys;
        }
    }
}
