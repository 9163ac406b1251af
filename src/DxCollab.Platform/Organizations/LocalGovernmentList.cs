using System.Reflection;
using System.Text;

namespace DxCollab.Platform.Organizations;

/// <summary>One row of a 総務省 団体 list. <see cref="SuccessorCode"/> is set in a later list for a body that
/// was merged into another (optional column <c>successor_code</c>).</summary>
public sealed record LocalGovernmentRecord(string Code, string PrefectureCode, string Prefecture, string Name, string Kana,
    OrganizationType Type, string? SuccessorCode = null);

public sealed record LocalGovernmentListError(int LineNumber, string Message);

/// <summary>Reads the 団体 list CSV (<c>code,prefecture_code,prefecture,name,kana,type[,successor_code]</c>).
/// Every code's check digit is validated; a list with any bad row is refused as a whole.</summary>
public sealed class LocalGovernmentList
{
    private static readonly string[] RequiredColumns = ["code", "prefecture_code", "prefecture", "name", "kana", "type"];
    private static readonly Lazy<IReadOnlyList<LocalGovernmentRecord>> BundledList = new(LoadBundled);

    public IReadOnlyList<LocalGovernmentRecord> Records { get; }
    public IReadOnlyList<LocalGovernmentListError> Errors { get; }
    public bool IsValid => Errors.Count == 0;

    private LocalGovernmentList(IReadOnlyList<LocalGovernmentRecord> records, IReadOnlyList<LocalGovernmentListError> errors)
    {
        Records = records;
        Errors = errors;
    }

    /// <summary>The list shipped with DxCollab (総務省, 令和6年1月1日更新): 47 prefectures and 1,741 municipalities.</summary>
    public static IReadOnlyList<LocalGovernmentRecord> Bundled => BundledList.Value;

    public static LocalGovernmentList Parse(TextReader reader)
    {
        var records = new List<LocalGovernmentRecord>();
        var errors = new List<LocalGovernmentListError>();
        var header = reader.ReadLine()?.TrimStart('\uFEFF');
        if (header is null) return new(records, [new(1, "ファイルが空です。")]);
        var columns = Text.Csv.SplitLine(header).Select(c => c.Trim().ToLowerInvariant()).ToList();
        var missing = RequiredColumns.Where(c => !columns.Contains(c)).ToList();
        if (missing.Count > 0) return new(records, [new(1, $"見出し行に列 {string.Join(", ", missing)} がありません。")]);
        int Col(string name) => columns.IndexOf(name);
        var successorColumn = Col("successor_code");

        var seen = new HashSet<string>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var f = Text.Csv.SplitLine(line).Select(v => v.Trim()).ToArray();
            if (f.Length < columns.Count) { errors.Add(new(lineNumber, $"列の数が足りません（{f.Length} 列、必要 {columns.Count} 列）。")); continue; }
            var code = f[Col("code")];
            if (LocalGovernmentCode.Validate(code) is { } codeError) { errors.Add(new(lineNumber, codeError)); continue; }
            if (!seen.Add(code)) { errors.Add(new(lineNumber, $"団体コード「{code}」が重複しています。")); continue; }
            if (!OrganizationTypeNames.TryParse(f[Col("type")], out var type)) { errors.Add(new(lineNumber, $"種別「{f[Col("type")]}」は認識できません。")); continue; }
            var prefectureCode = f[Col("prefecture_code")];
            if (!code.StartsWith(prefectureCode, StringComparison.Ordinal) || prefectureCode.Length != 2)
            { errors.Add(new(lineNumber, $"都道府県コード「{prefectureCode}」が団体コード「{code}」の先頭2桁と一致しません。")); continue; }
            if (f[Col("name")].Length == 0) { errors.Add(new(lineNumber, "名称が空です。")); continue; }
            string? successor = successorColumn >= 0 && successorColumn < f.Length && f[successorColumn].Length > 0 ? f[successorColumn] : null;
            if (successor is not null && LocalGovernmentCode.Validate(successor) is { } successorError)
            { errors.Add(new(lineNumber, "承継団体: " + successorError)); continue; }
            records.Add(new(code, prefectureCode, f[Col("prefecture")], f[Col("name")], f[Col("kana")], type, successor));
        }
        return new(records, errors);
    }

    private static IReadOnlyList<LocalGovernmentRecord> LoadBundled()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DxCollab.ReferenceData.local-governments.csv")
            ?? throw new InvalidOperationException("Bundled local-governments.csv is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var list = Parse(reader);
        if (!list.IsValid) throw new InvalidOperationException("Bundled 団体 list is invalid: " + list.Errors[0].Message);
        return list.Records;
    }
}
