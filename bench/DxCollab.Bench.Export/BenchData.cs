using DxCollab.Surveys.Forms;

namespace DxCollab.Bench.Export;

/// <summary>A survey of 100 questions of every exported kind and one submitted answer per 団体, as the database holds
/// them (answers as JSON text, each answer with its edit stamp). Deterministic: the same data on every run.</summary>
internal static class BenchData
{
    public const int Organizations = 1741, Questions = 100;

    public static string Code(int organization) => $"{10000 + organization * 7:000000}";

    public static SurveyForm Form()
    {
        var questions = new List<Question>();
        for (var i = 1; i <= Questions; i++)
        {
            var key = $"q{i:000}";
            questions.Add((i % 10) switch
            {
                0 or 1 or 2 => new Question { Key = key, Type = QuestionType.SingleChoice, Text = $"設問{i} 取組の状況", AllowOther = i % 2 == 0,
                    Options = [new("a", "実施済み"), new("b", "実施予定"), new("c", "未定")] },
                3 => new Question { Key = key, Type = QuestionType.MultipleChoice, Text = $"設問{i} 利用しているもの", AllowOther = true,
                    Options = [new("x", "クラウド"), new("y", "オンプレミス"), new("z", "SaaS")] },
                4 or 5 => new Question { Key = key, Type = QuestionType.Integer, Text = $"設問{i} 職員数", Unit = "人" },
                6 => new Question { Key = key, Type = QuestionType.Decimal, Text = $"設問{i} 予算", Unit = "千円" },
                7 => new Question { Key = key, Type = QuestionType.YesNo, Text = $"設問{i} 計画はありますか" },
                8 => new Question { Key = key, Type = QuestionType.ShortText, Text = $"設問{i} 担当課" },
                _ => new Question { Key = key, Type = QuestionType.Table, Text = $"設問{i} 業務ごとの経費",
                    Rows = [new("r1", "住民記録"), new("r2", "個人住民税")], Columns = [new("c1", "初期", QuestionType.Integer, "千円"), new("c2", "年額", QuestionType.Integer, "千円")] },
            });
        }
        // Every fifth question is shown only when q001 is 実施済み (a hidden question keeps its columns).
        foreach (var q in questions.Where((_, i) => i > 0 && i % 5 == 0)) q.ShowIf = new DisplayCondition("q001", ["a"]);
        return new SurveyForm { Sections = [new FormSection { Key = "s1", Title = "調査", Questions = questions }] };
    }

    public static IEnumerable<(string Code, string Name, string AnswersJson)> Responses(SurveyForm form)
    {
        var random = new Random(1741);
        for (var o = 0; o < Organizations; o++)
        {
            var answers = new AnswerSet();
            foreach (var q in form.Questions)
            {
                answers.Answers[q.Key] = q.Type switch
                {
                    QuestionType.SingleChoice => new Answer { Value = q.Options[random.Next(3)].Value },
                    QuestionType.MultipleChoice => new Answer { Choices = ["x", "other"], Other = "庁内LAN" },
                    QuestionType.Integer => new Answer { Value = random.Next(1, 500).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    QuestionType.Decimal => new Answer { Value = (random.Next(1, 100000) / 10m).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    QuestionType.YesNo => new Answer { Value = random.Next(2) == 0 ? "yes" : "no" },
                    QuestionType.ShortText => new Answer { Value = "デジタル推進課" },
                    _ => new Answer { Cells = new() { ["r1"] = new() { ["c1"] = "100", ["c2"] = "20" }, ["r2"] = new() { ["c1"] = "50", ["c2"] = "5" } } },
                };
            }
            // As answering stores them: every answer stamped with who edited it when (the export skips both).
            foreach (var answer in answers.Answers.Values)
                (answer.EditedAt, answer.EditedBy) = (new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(o), $"担当者{o}（デジタル推進課）");
            yield return (Code(o), $"団体{o}", answers.ToJson());
        }
    }
}
