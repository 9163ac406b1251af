using DxCollab.Platform.Prefill;
using DxCollab.Surveys.Forms;
using DxCollab.Surveys.Prefill;

namespace DxCollab.Surveys.Tests;

public class PrefillMergeTests
{
    private static readonly Dictionary<string, (string, PrefillValueType)> NoSources = [];

    private static SurveyForm Form() => new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "dx", Title = "DXの取組",
                Questions =
                [
                    new Question { Key = "cio", Type = QuestionType.SingleChoice, Text = "CIOの設置", AllowOther = true,
                        Options = [new("yes", "設置済み"), new("planned", "設置予定")] },
                    new Question { Key = "tools", Type = QuestionType.MultipleChoice, Text = "利用しているツール", AllowOther = true,
                        Options = [new("chat", "対話型AI"), new("ocr", "AI-OCR")] },
                    new Question { Key = "staff", Type = QuestionType.Integer, Text = "DX担当職員数", Unit = "人" },
                    new Question { Key = "rate", Type = QuestionType.Decimal, Text = "標準化の完了率", Unit = "%",
                        PrefillSource = "standardization.completion-rate" },
                    new Question { Key = "memo", Type = QuestionType.LongText, Text = "課題" },
                    new Question { Key = "plan", Type = QuestionType.File, Text = "計画書" },
                    new Question
                    {
                        Key = "systems", Type = QuestionType.Table, Text = "業務ごとの状況",
                        Rows = [new("juki", "住民記録"), new("zei", "個人住民税")],
                        Columns = [new("cost", "費用", QuestionType.Integer, "千円"),
                            new("vendor", "方式", QuestionType.SingleChoice, Options: [new("cloud", "ガバメントクラウド"), new("onprem", "オンプレミス")])],
                    },
                ],
            },
        ],
    };

    private static AnswerSet LastYear() => new()
    {
        Answers =
        {
            ["cio"] = new Answer { Value = "yes" },
            ["tools"] = new Answer { Choices = ["chat", "rpa", "other"], Other = "音声認識" },
            ["staff"] = new Answer { Value = "3" },
            ["rate"] = new Answer { Value = "41.5" },
            ["memo"] = new Answer { Value = "人材不足" },
            ["plan"] = new Answer { FileIds = [7] },
            ["systems"] = new Answer { Cells = new() { ["juki"] = new() { ["cost"] = "1200", ["vendor"] = "mainframe" }, ["kokuho"] = new() { ["cost"] = "5" } } },
        },
    };

    [Fact]
    public void Empty_questions_get_last_years_answer_marked_as_previous_round_and_not_confirmed()
    {
        var filled = PrefillMerge.Merge(Form(), new AnswerSet(), LastYear(), NoSources);

        filled["cio"]!.Value.ShouldBe("yes");
        filled["staff"]!.Value.ShouldBe("3");
        filled["memo"]!.Value.ShouldBe("人材不足");
        filled.Answers.Values.ShouldAllBe(a => a.PrefilledFrom == PrefillMerge.PreviousRound && !a.Confirmed && a.AwaitsConfirmation);
        // Files belong to last year's answer: this year's are uploaded again.
        filled["plan"].ShouldBeNull();
    }

    [Fact]
    public void A_choice_no_longer_offered_is_dropped_and_the_rest_is_kept()
    {
        var filled = PrefillMerge.Merge(Form(), new AnswerSet(), LastYear(), NoSources);

        filled["tools"]!.Choices.ShouldBe(["chat", "other"]);
        filled["tools"]!.Other.ShouldBe("音声認識");
        // Table: a removed row (kokuho) and a value no longer offered (mainframe) are gone; the cost stays.
        filled["systems"]!.Cells!.Keys.ShouldBe(["juki"]);
        filled["systems"]!.Cells!["juki"].ShouldBe(new Dictionary<string, string?> { ["cost"] = "1200" });
    }

    [Fact]
    public void A_single_choice_whose_option_was_removed_is_left_empty()
    {
        var lastYear = new AnswerSet { Answers = { ["cio"] = new Answer { Value = "none" } } };
        var filled = PrefillMerge.Merge(Form(), new AnswerSet(), lastYear, NoSources);
        filled["cio"].ShouldBeNull();
    }

    [Fact]
    public void An_answer_already_there_is_never_overwritten()
    {
        var current = new AnswerSet { Answers = { ["staff"] = new Answer { Value = "5", EditedBy = "toyonaka@osaka.example" } } };
        var sources = new Dictionary<string, (string, PrefillValueType)> { ["standardization.completion-rate"] = ("59.2", PrefillValueType.Decimal) };
        current.Answers["rate"] = new Answer { Value = "60" };

        var filled = PrefillMerge.Merge(Form(), current, LastYear(), sources);

        filled["staff"]!.Value.ShouldBe("5");
        filled["staff"]!.PrefilledFrom.ShouldBeNull();
        filled["rate"]!.Value.ShouldBe("60");
        filled["rate"]!.PrefilledFrom.ShouldBeNull();
        current["cio"].ShouldBeNull("the caller's answer set is not changed");
    }

    [Fact]
    public void Without_a_previous_answer_the_source_value_is_used_and_marked_with_its_key()
    {
        var sources = new Dictionary<string, (string, PrefillValueType)> { ["standardization.completion-rate"] = ("59.2", PrefillValueType.Decimal) };

        var filled = PrefillMerge.Merge(Form(), new AnswerSet(), previous: null, sources);

        filled["rate"]!.Value.ShouldBe("59.2");
        filled["rate"]!.PrefilledFrom.ShouldBe("standardization.completion-rate");
        filled.Answers.Keys.ShouldBe(["rate"]);
    }

    [Fact]
    public void The_previous_round_wins_over_a_source_value()
    {
        var sources = new Dictionary<string, (string, PrefillValueType)> { ["standardization.completion-rate"] = ("59.2", PrefillValueType.Decimal) };
        var filled = PrefillMerge.Merge(Form(), new AnswerSet(), LastYear(), sources);
        filled["rate"]!.Value.ShouldBe("41.5");
        filled["rate"]!.PrefilledFrom.ShouldBe(PrefillMerge.PreviousRound);
    }

    [Theory]
    [InlineData(QuestionType.Integer, "59.5", "60")]
    [InlineData(QuestionType.Decimal, "59.25", "59.25")]
    [InlineData(QuestionType.ShortText, "59.2", "59.2")]
    [InlineData(QuestionType.YesNo, "59.2", null)]
    [InlineData(QuestionType.Decimal, "不明", null)]
    public void A_source_value_is_put_in_the_questions_terms_or_not_at_all(QuestionType type, string value, string? expected)
    {
        var question = new Question { Key = "q", Type = type, Text = "値" };
        var answer = PrefillMerge.FromSource(question, value);
        if (expected is null) answer.ShouldBeNull();
        else answer.ShouldNotBeNull().Value.ShouldBe(expected);
    }
}
