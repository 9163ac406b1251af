using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.SpecialForms;

/// <summary>A 案件 of a written vote.</summary>
public sealed record VoteItemInput(string? Title, string? Description);

/// <summary>A KPI row of a KPI progress table (each 団体 gives its own target, baseline and figures).</summary>
public sealed record KpiInput(string? Name, string? Unit);

/// <summary>The forms of the two special kinds, built on the ordinary form engine so answering, reminders, status and
/// export work unchanged. Keys follow the position (item1, kpi1 …) and the suffixes below, which the result pages read.</summary>
public static class SpecialFormTemplates
{
    public const string VoteSuffix = "-vote", OpinionSuffix = "-opinion";
    public const string For = "for", Against = "against";

    public static SurveyForm WrittenVote(IReadOnlyList<VoteItemInput> items) => new()
    {
        Sections = [.. items.Select((item, i) => new FormSection
        {
            Key = $"item{i + 1}",
            Title = $"第{i + 1}号議案 {item.Title!.Trim()}",
            Description = string.IsNullOrWhiteSpace(item.Description) ? null : item.Description.Trim(),
            Questions =
            [
                new Question
                {
                    Key = $"item{i + 1}{VoteSuffix}", Type = QuestionType.SingleChoice, Required = true, Text = "この議案に賛成しますか、反対しますか。",
                    Options = [new(For, "賛成"), new(Against, "反対")],
                },
                new Question
                {
                    Key = $"item{i + 1}{OpinionSuffix}", Type = QuestionType.LongText, Text = "ご意見", MaxLength = 2000,
                    Help = "賛否にかかわらず、ご意見があればお書きください。結果とともに団体名を付けて構成団体へお知らせします。",
                },
            ],
        })],
    };

    public const string TargetKind = "-target-kind", Target = "-target", DueBy = "-due", Baseline = "-baseline", BaselineAt = "-baseline-at",
        Actual = "-actual", ActualAt = "-actual-at", Stage = "-stage", Policy = "-policy";

    public static SurveyForm KpiProgress(IReadOnlyList<KpiInput> kpis) => new()
    {
        Sections = [.. kpis.Select((kpi, i) =>
        {
            var k = $"kpi{i + 1}";
            var unit = string.IsNullOrWhiteSpace(kpi.Unit) ? null : kpi.Unit.Trim();
            return new FormSection
            {
                Key = k,
                Title = kpi.Name!.Trim(),
                Questions =
                [
                    new Question
                    {
                        Key = k + TargetKind, Type = QuestionType.SingleChoice, Required = true, Text = "目標値の種類",
                        Options = [.. Enum.GetValues<KpiTargetKind>().Select(t => new ChoiceOption(t.ToString().ToLowerInvariant(), t.ToJapanese()))],
                        Help = "数値の目標がないときは「なし」を選んでください（区分 F になります）。",
                    },
                    new Question { Key = k + Target, Type = QuestionType.Decimal, Text = "目標値", Unit = unit, ShowIf = new(k + TargetKind, ["number", "maintain"]) },
                    new Question { Key = k + DueBy, Type = QuestionType.Date, Text = "達成時期", ShowIf = new(k + TargetKind, ["number"]) },
                    new Question { Key = k + Baseline, Type = QuestionType.Decimal, Text = "基準値", Unit = unit },
                    new Question { Key = k + BaselineAt, Type = QuestionType.Date, Text = "基準時点" },
                    new Question { Key = k + Actual, Type = QuestionType.Decimal, Text = "実績値", Unit = unit, Help = "まだ実績がないときは空欄のままにしてください（区分 N）。" },
                    new Question { Key = k + ActualAt, Type = QuestionType.Date, Text = "実績値の時点" },
                    new Question
                    {
                        Key = k + Stage, Type = QuestionType.SingleChoice, Text = "実績値は速報値ですか、確報値ですか。",
                        Options = [new("preliminary", "速報値"), new("final", "確報値")],
                    },
                    new Question { Key = k + Policy, Type = QuestionType.LongText, Text = "次回の把握時期と今後の方針", MaxLength = 2000 },
                ],
            };
        })],
    };
}
