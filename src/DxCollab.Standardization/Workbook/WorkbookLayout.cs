using DxCollab.Standardization.Tracking;
using DxCollab.Platform.Text;

namespace DxCollab.Standardization.Workbook;

/// <summary>The layout of the 総務省 progress sheet: 都道府県名, 市区町村名, 業務名, then one column per step whose
/// header is the step's workbook name; an optional 団体コード column anywhere.</summary>
public static class WorkbookLayout
{
    public const string SheetName = "業務別ステップ別進捗一覧";
    public const string PrefectureHeader = "都道府県名";
    public const string MunicipalityHeader = "市区町村名";
    public const string BusinessHeader = "業務名";
    public const string CodeHeader = "団体コード";
    /// <summary>What the workbook writes as 市区町村名 on a prefecture's own row.</summary>
    public const string PrefectureMarker = "-";
    public const int StepCount = 40;

    /// <summary>The 40 steps in column order.</summary>
    public static IReadOnlyList<MigrationStepDefinition> Steps => MigrationStepDefinition.All;

    /// <summary>Header texts as written: 都道府県名, 市区町村名, 業務名, the 40 step workbook names (with the 総務省
    /// spacing), then 団体コード when <paramref name="withCode"/>.</summary>
    public static IReadOnlyList<string> Headers(bool withCode = false) =>
        [PrefectureHeader, MunicipalityHeader, BusinessHeader, .. Steps.Select(s => s.WorkbookName), .. withCode ? new[] { CodeHeader } : []];

    /// <summary>Null, empty, or a dash (「-」「－」「‐」「−」「―」「ー」) means the prefecture's own row.</summary>
    public static bool IsPrefectureMarker(string? municipalityName)
    {
        var key = JapaneseText.SearchKey(municipalityName);
        return key is "" or "-" or "‐" or "‑" or "−" or "―" or "—" or "–" or "ー";
    }

    /// <summary>The key headers are matched on (NFKC, white space removed).</summary>
    internal static string HeaderKey(string? header) => JapaneseText.SearchKey(header);
}
