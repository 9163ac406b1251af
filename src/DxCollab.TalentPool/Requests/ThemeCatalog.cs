namespace DxCollab.TalentPool.Requests;

/// <summary>A plain-language card a municipality picks to say what it needs (ガイド付きの依頼), mapped to the skill areas
/// that answer it (names of <see cref="Domain.SkillArea.Defaults"/>, matched by <see cref="Domain.SkillArea.SeedName"/>, so a
/// tenant's renamed area still answers). Questions are asked after the card is picked.</summary>
public sealed record SupportTheme(string Key, string Title, string Explanation, IReadOnlyList<string> SkillAreas, IReadOnlyList<ThemeQuestion> Questions);

/// <summary>One intake question of a theme: free text, or one of <see cref="Options"/> when given.</summary>
public sealed record ThemeQuestion(string Key, string Text, string? Help = null, IReadOnlyList<string>? Options = null, bool Required = true);

/// <summary>The theme cards (keys are stable: stored on requests). A request without a theme is 「相談したい」.</summary>
public static class ThemeCatalog
{
    public const string MigrationPlan = "migration-plan", Specification = "specification", SecurityPolicy = "security-policy",
        FrontYard = "front-yard", DataUse = "data-use", AiRpa = "ai-rpa", Network = "network", StaffTraining = "staff-training",
        PublicRelations = "public-relations";

    /// <summary>3–5 questions each, answerable by a one-person IT department without research; keys of themes and questions
    /// are stable (answers are stored under them).</summary>
    public static IReadOnlyList<SupportTheme> Themes { get; } =
    [
        new(MigrationPlan, "標準化の移行計画を見てほしい", "標準準拠システムへの移行やガバメントクラウドへの移行の計画・スケジュールを一緒に確認します。",
            ["標準化・ガバメントクラウド移行"], [
                new("stage", "いまの移行作業はどの段階ですか", Options: ["計画をつくる前", "計画をつくっている", "事業者と調整している", "テスト・データ移行をしている"]),
                new("systems", "特に心配な業務システムは何ですか", "例: 住民記録、固定資産税、介護保険"),
                new("schedule", "いまの事業者（ベンダ）から移行のスケジュールは示されていますか", Options: ["示されている", "一部だけ示されている", "示されていない"]),
                new("special", "特定移行支援システムに当たる業務はありますか", Options: ["ある", "ない", "分からない"]),
                new("concern", "見てほしいこと・困っていること", "例: 計画の期限に間に合うか、費用の見積りが妥当か", Required: false),
            ]),
        new(Specification, "仕様書の書き方を教えてほしい", "調達の仕様書・RFI・RFP の作り方や、事業者からの見積りの見方を支援します。",
            ["調達支援（RFI/RFP・仕様書）"], [
                new("target", "何を調達しますか", "例: 庁内ネットワークの更新、窓口の申請システム"),
                new("stage", "調達はどの段階ですか", Options: ["RFI（情報提供依頼）の前", "RFI をしている", "仕様書をつくっている", "見積り・提案を比べている"]),
                new("draft", "仕様書の案はありますか", Options: ["ある（添付します）", "つくっている途中", "まだない"]),
                new("budget", "予算の目安（分かれば）", "例: 年間 500 万円程度", Required: false),
            ]),
        new(SecurityPolicy, "セキュリティポリシーを改定したい", "情報セキュリティポリシーの見直しや、ガイドライン改定への対応を支援します。",
            ["情報セキュリティ"], [
                new("revised", "いまのポリシーを最後に改定したのはいつ頃ですか", Options: ["1年以内", "1〜3年前", "3年以上前", "分からない"]),
                new("scope", "改定したい範囲はどこですか", Options: ["基本方針", "対策基準", "実施手順", "全体"]),
                new("trigger", "改定のきっかけは何ですか", "例: 国のガイドライン改定、クラウドの利用、インシデント"),
                new("concern", "特に相談したいこと", Required: false),
            ]),
        new(FrontYard, "窓口の手続きを見直したい", "書かない窓口・オンライン申請など、住民との接点（フロントヤード）と業務の流れを見直します。",
            ["フロントヤード改革", "BPR"], [
                new("procedures", "見直したい手続きは何ですか", "例: 転入・転出、児童手当、証明書の交付"),
                new("visitors", "窓口に来る方は1日に何人くらいですか", Options: ["50人未満", "50〜200人", "200人以上", "分からない"]),
                new("online", "オンライン申請はどこまで使っていますか", Options: ["使っていない", "一部の手続きで使っている", "多くの手続きで使っている"]),
                new("goal", "どうなればよいと考えていますか", "例: 住民が申請書を書かずに済むようにしたい"),
            ]),
        new(DataUse, "データを活用したい", "庁内のデータの整理やオープンデータ、EBPM の進め方を支援します。", ["データ利活用"], [
                new("data", "使いたいデータは何ですか", "例: 人口の推移、施設の利用状況、アンケート結果"),
                new("purpose", "何に使いたいですか", Options: ["政策の検討（EBPM）", "オープンデータの公開", "庁内の業務の改善", "まだ決まっていない"]),
                new("tools", "いま使っている道具はどれですか", Options: ["Excel だけ", "BI ツール", "GIS（地図）", "特にない"]),
            ]),
        new(AiRpa, "生成AI・RPA を使ってみたい", "生成AI や RPA の導入の進め方、利用ルールづくりを支援します。", ["AI・RPA"], [
                new("target", "使ってみたいものはどれですか", Options: ["生成AI（文章の作成・要約など）", "RPA（決まった作業の自動化）", "両方", "まだ決まっていない"]),
                new("tasks", "楽にしたい業務は何ですか", "例: 議事録の作成、給与データの転記"),
                new("rules", "利用のルール（ガイドライン）はありますか", Options: ["ある", "つくっている途中", "ない"]),
                new("terminal", "インターネットに接続できる業務用の端末はありますか", Options: ["ある", "ない", "分からない"]),
            ]),
        new(Network, "庁内ネットワークを見直したい", "ネットワーク構成（三層の対策など）や機器更新の考え方を支援します。", ["ネットワーク", "情報セキュリティ"], [
                new("model", "三層の対策はどのモデルですか", Options: ["αモデル", "α'モデル", "βモデル", "β'モデル", "分からない"]),
                new("renewal", "機器の更新予定はありますか", "例: 令和9年度に UTM とファイアウォールを更新"),
                new("problem", "困っていることは何ですか", "例: 通信が遅い、テレワークができない"),
            ]),
        new(StaffTraining, "職員研修をしてほしい", "職員向けのデジタル研修の企画や講師を支援します。", ["人材育成"], [
                new("audience", "研修の対象はどなたですか", Options: ["全職員", "管理職", "情報担当・DX推進担当", "特定の課"]),
                new("content", "研修で扱いたい内容は何ですか", "例: 生成AIの使い方、情報セキュリティの基本"),
                new("size", "参加する人数はおおよそ何人ですか", "例: 30人"),
                new("format", "研修の形はどれがよいですか", Options: ["集合研修", "オンライン", "どちらでも"]),
            ]),
        new(PublicRelations, "住民への周知を工夫したい", "新しいサービスの広報や住民への周知の方法を支援します。", ["広報"], [
                new("service", "周知したいサービス・取組は何ですか", "例: マイナンバーカードでのオンライン申請"),
                new("audience", "主に伝えたい相手はどなたですか", Options: ["高齢の方", "子育て世帯", "住民全体", "事業者"]),
                new("channels", "いま使っている広報の手段は何ですか", "例: 広報紙、ホームページ、LINE"),
            ]),
    ];

    public static SupportTheme? Find(string? key) => key is null ? null : Themes.FirstOrDefault(t => t.Key == key);
}
