namespace DxCollab.Platform.ReferenceData;

/// <summary>One of the 20 基幹業務 of 標準化 (政令, 2022-01), in official order. <see cref="WorkbookName"/> is the
/// short name of the 総務省 progress workbook (住民記録 for 住民基本台帳). Prefectures report only 児童扶養手当 and 生活保護.</summary>
public sealed class StandardBusiness
{
    public int Number { get; init; }
    public required string OfficialName { get; init; }
    public required string WorkbookName { get; init; }
    public bool ReportedByPrefecture { get; init; }

    public static readonly IReadOnlyList<StandardBusiness> All =
    [
        B(1, "児童手当"), B(2, "子ども・子育て支援"), B(3, "住民基本台帳", "住民記録"), B(4, "戸籍の附票", "戸籍附票"),
        B(5, "印鑑登録"), B(6, "選挙人名簿管理"), B(7, "固定資産税"), B(8, "個人住民税"), B(9, "法人住民税"),
        B(10, "軽自動車税"), B(11, "戸籍"), B(12, "就学"), B(13, "健康管理"), B(14, "児童扶養手当", prefecture: true),
        B(15, "生活保護", prefecture: true), B(16, "障害者福祉"), B(17, "介護保険"), B(18, "国民健康保険"),
        B(19, "後期高齢者医療"), B(20, "国民年金"),
    ];

    /// <summary>Finds a 業務 by its official or workbook name (white space ignored).</summary>
    public static StandardBusiness? Find(string? name) => ByKey.GetValueOrDefault(Text.JapaneseText.SearchKey(name));

    /// <summary>Both names' search keys, made once: a workbook looks up a 業務 on each of its thousands of rows.</summary>
    private static readonly Dictionary<string, StandardBusiness> ByKey = All
        .SelectMany(b => new[] { (Key: Text.JapaneseText.SearchKey(b.OfficialName), Business: b), (Key: Text.JapaneseText.SearchKey(b.WorkbookName), Business: b) })
        .DistinctBy(k => k.Key).ToDictionary(k => k.Key, k => k.Business);

    private static StandardBusiness B(int number, string name, string? workbook = null, bool prefecture = false) =>
        new() { Number = number, OfficialName = name, WorkbookName = workbook ?? name, ReportedByPrefecture = prefecture };
}
