namespace DxCollab.TalentPool.Requests;

/// <summary>A plain-language card a municipality picks to say what it needs (ガイド付きの依頼), mapped to the skill areas
/// that answer it (names of <see cref="Domain.SkillArea.Defaults"/>; a tenant that renamed an area matches by the new
/// name only if it kept the meaning). Questions are asked after the card is picked.</summary>
public sealed record SupportTheme(string Key, string Title, string Explanation, IReadOnlyList<string> SkillAreas, IReadOnlyList<ThemeQuestion> Questions);

/// <summary>One intake question of a theme: free text, or one of <see cref="Options"/> when given.</summary>
public sealed record ThemeQuestion(string Key, string Text, string? Help = null, IReadOnlyList<string>? Options = null, bool Required = true);

/// <summary>The theme cards (keys are stable: stored on requests). A request without a theme is 「相談したい」.</summary>
public static class ThemeCatalog
{
    public const string MigrationPlan = "migration-plan", Specification = "specification", SecurityPolicy = "security-policy",
        FrontYard = "front-yard", DataUse = "data-use", AiRpa = "ai-rpa", Network = "network", StaffTraining = "staff-training",
        PublicRelations = "public-relations";

    /// <summary>Filled in by the requests slice (3–5 questions each); keys, titles and skill areas are fixed here.</summary>
    public static IReadOnlyList<SupportTheme> Themes { get; } =
    [
        new(MigrationPlan, "標準化の移行計画を見てほしい", "標準準拠システムへの移行やガバメントクラウドへの移行の計画・スケジュールを一緒に確認します。",
            ["標準化・ガバメントクラウド移行"], []),
        new(Specification, "仕様書の書き方を教えてほしい", "調達の仕様書・RFI・RFP の作り方や、事業者からの見積りの見方を支援します。",
            ["調達支援（RFI/RFP・仕様書）"], []),
        new(SecurityPolicy, "セキュリティポリシーを改定したい", "情報セキュリティポリシーの見直しや、ガイドライン改定への対応を支援します。",
            ["情報セキュリティ"], []),
        new(FrontYard, "窓口の手続きを見直したい", "書かない窓口・オンライン申請など、住民との接点（フロントヤード）と業務の流れを見直します。",
            ["フロントヤード改革", "BPR"], []),
        new(DataUse, "データを活用したい", "庁内のデータの整理やオープンデータ、EBPM の進め方を支援します。", ["データ利活用"], []),
        new(AiRpa, "生成AI・RPA を使ってみたい", "生成AI や RPA の導入の進め方、利用ルールづくりを支援します。", ["AI・RPA"], []),
        new(Network, "庁内ネットワークを見直したい", "ネットワーク構成（三層の対策など）や機器更新の考え方を支援します。", ["ネットワーク", "情報セキュリティ"], []),
        new(StaffTraining, "職員研修をしてほしい", "職員向けのデジタル研修の企画や講師を支援します。", ["人材育成"], []),
        new(PublicRelations, "住民への周知を工夫したい", "新しいサービスの広報や住民への周知の方法を支援します。", ["広報"], []),
    ];

    public static SupportTheme? Find(string? key) => key is null ? null : Themes.FirstOrDefault(t => t.Key == key);
}
