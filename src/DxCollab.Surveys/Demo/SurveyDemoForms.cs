using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Demo;

/// <summary>The demo surveys' questions, written the way prefectures and the national side actually ask them.</summary>
internal static class SurveyDemoForms
{
    public static readonly ChoiceOption[] AiUse =
        [new("adopted", "全庁で導入済み"), new("partial", "一部の部署で導入済み"), new("trial", "実証中"), new("considering", "検討中"), new("none", "予定なし")];

    /// <summary>生成AIの利用状況 (the closed survey every municipality answered).</summary>
    public static SurveyForm GenerativeAi() => new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "ai", Title = "生成AIの利用状況",
                Questions =
                [
                    new Question { Key = "ai-use", Type = QuestionType.SingleChoice, Required = true, Text = "生成AIの業務での利用状況を教えてください。", Options = [.. AiUse] },
                    new Question
                    {
                        Key = "ai-tasks", Type = QuestionType.MultipleChoice, Text = "生成AIを利用している業務（複数選択可）", AllowOther = true,
                        Options = [new("docs", "文書の作成・要約"), new("faq", "問い合わせ対応"), new("minutes", "議事録の作成"), new("code", "プログラム作成"), new("translate", "翻訳")],
                        ShowIf = new("ai-use", ["adopted", "partial", "trial"]),
                    },
                    new Question { Key = "ai-users", Type = QuestionType.Integer, Text = "生成AIを利用できる職員数", Unit = "人", Min = 0, ShowIf = new("ai-use", ["adopted", "partial", "trial"]) },
                    new Question { Key = "ai-guideline", Type = QuestionType.YesNo, Required = true, Text = "生成AIの利用に関するガイドラインを定めていますか。" },
                    new Question { Key = "ai-issues", Type = QuestionType.LongText, Text = "導入・利用にあたっての課題", MaxLength = 2000 },
                ],
            },
        ],
    };

    /// <summary>情報セキュリティ (the open survey, half answered).</summary>
    public static SurveyForm Security() => new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "sec", Title = "情報セキュリティ対策",
                Questions =
                [
                    new Question { Key = "sec-policy-revised", Type = QuestionType.Date, Required = true, Text = "情報セキュリティポリシーを最後に改定した日" },
                    new Question { Key = "sec-training", Type = QuestionType.Integer, Required = true, Text = "今年度の情報セキュリティ研修の受講者数", Unit = "人", Min = 0 },
                    new Question { Key = "sec-audit", Type = QuestionType.YesNo, Required = true, Text = "外部監査を実施していますか。" },
                    new Question { Key = "sec-incidents", Type = QuestionType.LongText, Text = "昨年度に発生したインシデントと対応（概要）", MaxLength = 2000 },
                ],
            },
        ],
    };

    /// <summary>自治体DX・情報化推進概要-style national questions (reference date 4月1日).</summary>
    public static SurveyForm NationalDx() => new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "nat-structure", Title = "推進体制（4月1日現在）", Origin = SectionOrigin.National,
                Questions =
                [
                    new Question { Key = "nat-cio", Type = QuestionType.YesNo, Required = true, Text = "CIO（情報化統括責任者）を任命していますか。" },
                    new Question { Key = "nat-cio-adviser", Type = QuestionType.YesNo, Required = true, Text = "CIO補佐官等を任用していますか。" },
                    new Question { Key = "nat-it-staff", Type = QuestionType.Integer, Required = true, Text = "情報政策担当部門の職員数", Unit = "人", Min = 0 },
                ],
            },
            new FormSection
            {
                Key = "nat-ai", Title = "AI・RPAの導入状況", Origin = SectionOrigin.National,
                Questions =
                [
                    new Question { Key = "nat-genai", Type = QuestionType.SingleChoice, Required = true, Text = "生成AIの導入状況", Options = [.. AiUse] },
                    new Question { Key = "nat-rpa", Type = QuestionType.YesNo, Required = true, Text = "RPAを導入していますか。" },
                ],
            },
        ],
    };

    /// <summary>The prefecture's own section added when relaying (never sent to the national side).</summary>
    public static FormSection PrefectureOwn(string prefecture) => new()
    {
        Key = "pref-own", Title = $"{prefecture}独自の設問", Origin = SectionOrigin.Prefecture,
        Questions = [new Question { Key = "pref-support", Type = QuestionType.LongText, Text = $"{prefecture}の支援に期待すること", MaxLength = 2000 }],
    };
}
