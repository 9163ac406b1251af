using DxCollab.Surveys.FollowUp;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Tests;

/// <summary>A small survey with every kind of question the follow-up treats differently.</summary>
internal static class FollowUpForms
{
    public static SurveyForm Sample() => new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "s1", Title = "生成AI",
                Questions =
                [
                    new Question { Key = "uses", Type = QuestionType.YesNo, Text = "生成AIを利用していますか" },
                    new Question { Key = "tools", Type = QuestionType.MultipleChoice, Text = "利用しているツール", AllowOther = true,
                        Options = [new("chat", "対話型AI"), new("ocr", "AI-OCR")], ShowIf = new("uses", ["yes"]) },
                    new Question { Key = "staff", Type = QuestionType.Integer, Text = "情報部門の職員数", Unit = "人" },
                    new Question { Key = "plan", Type = QuestionType.SingleChoice, Text = "計画の有無", AllowOther = true,
                        Options = [new("has", "策定済み"), new("none", "未策定")] },
                    new Question { Key = "note", Type = QuestionType.LongText, Text = "課題" },
                ],
            },
            new FormSection
            {
                Key = "s2", Title = "業務",
                Questions =
                [
                    new Question
                    {
                        Key = "cost", Type = QuestionType.Table, Text = "業務ごとの経費",
                        Rows = [new("juki", "住民記録"), new("zei", "個人住民税")],
                        Columns = [new("initial", "初期費用", QuestionType.Integer, "千円"), new("yearly", "年額", QuestionType.Integer, "千円"),
                            new("vendor", "事業者", QuestionType.ShortText)],
                    },
                ],
            },
        ],
    };

    public static AnswerSet Answers(string uses, string[]? tools = null, string? staff = null, string? plan = null, string? other = null,
        string? note = null, (string Row, string Col, string Value)[]? cells = null)
    {
        var set = new AnswerSet();
        set.Answers["uses"] = new Answer { Value = uses };
        if (tools is not null) set.Answers["tools"] = new Answer { Choices = [.. tools], Other = tools.Contains("other") ? "RPA" : null };
        if (staff is not null) set.Answers["staff"] = new Answer { Value = staff };
        if (plan is not null) set.Answers["plan"] = new Answer { Value = plan, Other = other };
        if (note is not null) set.Answers["note"] = new Answer { Value = note };
        if (cells is not null)
        {
            var table = new Dictionary<string, Dictionary<string, string?>>();
            foreach (var (row, col, value) in cells)
            {
                if (!table.TryGetValue(row, out var r)) table[row] = r = [];
                r[col] = value;
            }
            set.Answers["cost"] = new Answer { Cells = table };
        }
        return set;
    }
}

public class ResultsAggregatorTests
{
    private static SurveyResults Aggregate(params SubmittedAnswer[] answers) =>
        ResultsAggregator.Aggregate(1, "生成AI調査", 5, FollowUpForms.Sample(), answers);

    private static QuestionResult Q(SurveyResults results, string key) => results.Questions.Single(q => q.Key == key);

    [Fact]
    public void Choices_are_counted_with_percent_of_those_who_answered_and_その他_listed_with_its_text()
    {
        var results = Aggregate(
            new("272035", "豊中市", FollowUpForms.Answers("yes", ["chat", "ocr"], plan: "has")),
            new("273830", "千早赤阪村", FollowUpForms.Answers("yes", ["chat", "other"], plan: "other", other: "検討中")),
            new("272078", "吹田市", FollowUpForms.Answers("no", plan: "none")),
            new("272116", "池田市", FollowUpForms.Answers("yes", ["ocr"])));

        results.SubmittedCount.ShouldBe(4);
        results.RosterCount.ShouldBe(5);
        var tools = Q(results, "tools");
        tools.Answered.ShouldBe(3);
        tools.Choices!.Select(c => (c.Label, c.Count, c.Percent)).ShouldBe([("対話型AI", 2, 66.7), ("AI-OCR", 2, 66.7), ("その他", 1, 33.3)]);
        tools.OtherTexts!.Single().ShouldBe(new RespondentText("273830", "千早赤阪村", "RPA"));

        var plan = Q(results, "plan");
        plan.Choices!.Select(c => (c.Label, c.Count)).ShouldBe([("策定済み", 1), ("未策定", 1), ("その他", 1)]);
        plan.OtherTexts!.Single().Text.ShouldBe("検討中");

        Q(results, "uses").Choices!.Select(c => (c.Label, c.Count, c.Percent)).ShouldBe([("はい", 3, 75.0), ("いいえ", 1, 25.0)]);
    }

    [Fact]
    public void A_question_hidden_by_its_condition_is_not_counted_even_when_an_answer_is_stored()
    {
        // 吹田市 answered いいえ but its draft still holds tools: hidden, so not counted.
        var results = Aggregate(
            new("272078", "吹田市", FollowUpForms.Answers("no", ["chat"])),
            new("272035", "豊中市", FollowUpForms.Answers("yes", ["ocr"])));
        var tools = Q(results, "tools");
        tools.Answered.ShouldBe(1);
        tools.Choices!.Single(c => c.Value == "chat").Count.ShouldBe(0);
        tools.Choices!.Single(c => c.Value == "ocr").Percent.ShouldBe(100.0);
    }

    [Fact]
    public void Numbers_give_n_sum_mean_median_min_max_and_a_distribution_whatever_width_they_were_typed_in()
    {
        var results = Aggregate(
            new("a", "A", FollowUpForms.Answers("no", staff: "2")),
            new("b", "B", FollowUpForms.Answers("no", staff: "４")),  // full-width digit
            new("c", "C", FollowUpForms.Answers("no", staff: "10")),
            new("d", "D", FollowUpForms.Answers("no", staff: "1,200")),
            new("e", "E", FollowUpForms.Answers("no")));               // not answered: not counted
        var n = Q(results, "staff").Numbers!;
        (n.Count, n.Sum, n.Mean, n.Median, n.Min, n.Max).ShouldBe((4, 1216m, 304m, 7m, 2m, 1200m));
        n.Bins.Count.ShouldBeLessThanOrEqualTo(ResultsAggregator.MaxBins + 1);
        n.Bins.Sum(b => b.Count).ShouldBe(4);
        n.Bins[0].Count.ShouldBe(3);
        n.Bins[^1].Count.ShouldBe(1); // the maximum falls in the last bin
        n.Bins[0].Label.ShouldBe("0〜250未満"); // round edges: they do not give away the smallest 団体's figure
    }

    [Fact]
    public void One_distinct_number_makes_one_bin_and_an_odd_count_takes_the_middle_as_median()
    {
        ResultsAggregator.Summarize([5m, 5m, 5m])!.Bins.Single().Count.ShouldBe(3);
        ResultsAggregator.Summarize([3m, 1m, 2m])!.Median.ShouldBe(2m);
        ResultsAggregator.Summarize([]).ShouldBeNull();
    }

    [Fact]
    public void A_table_is_summed_per_row_and_per_column_over_its_numeric_columns()
    {
        var results = Aggregate(
            new("a", "A", FollowUpForms.Answers("no", cells: [("juki", "initial", "100"), ("juki", "yearly", "20"), ("zei", "yearly", "5"), ("juki", "vendor", "X社")])),
            new("b", "B", FollowUpForms.Answers("no", cells: [("juki", "initial", "50"), ("zei", "initial", "30"), ("zei", "yearly", "")])));
        var cost = Q(results, "cost");
        cost.Table!.Select(r => (r.Label, r.Columns["initial"], r.Columns["yearly"], r.Total))
            .ShouldBe([("住民記録", 150m, 20m, 170m), ("個人住民税", 30m, 5m, 35m)]);
        cost.TableColumns!.Select(c => (c.Label, c.Total)).ShouldBe([("初期費用", 180m), ("年額", 25m)]);
    }

    [Fact]
    public void Text_answers_are_listed_per_organisation()
    {
        var results = Aggregate(new SubmittedAnswer("272035", "豊中市", FollowUpForms.Answers("no", note: " 人手が足りない ")));
        Q(results, "note").Texts!.Single().ShouldBe(new RespondentText("272035", "豊中市", "人手が足りない"));
    }
}
