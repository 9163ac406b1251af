using DxCollab.Surveys.Answering;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Tests;

/// <summary>Every question type's rules, as a respondent meets them: a draft keeps what was typed and shows what is
/// wrong; a submission also needs every visible required answer and every prefilled answer confirmed.</summary>
public class AnswerValidatorTests
{
    private static SurveyForm Form(params Question[] questions) =>
        new() { Sections = [new FormSection { Key = "s1", Title = "基本", Questions = [.. questions] }] };

    private static AnswerSet Answers(params (string Key, Answer Answer)[] answers) =>
        new() { Answers = answers.ToDictionary(a => a.Key, a => a.Answer) };

    private static IReadOnlyList<AnswerError> Submit(Question q, Answer? a) =>
        AnswerValidator.Validate(Form(q), a is null ? new() : Answers((q.Key, a)), forSubmit: true);

    private static IReadOnlyList<AnswerError> Draft(Question q, Answer? a) =>
        AnswerValidator.Validate(Form(q), a is null ? new() : Answers((q.Key, a)), forSubmit: false);

    [Fact]
    public void A_required_question_left_empty_blocks_the_submission_but_not_the_draft_and_the_message_names_it()
    {
        var q = new Question { Key = "staff", Type = QuestionType.Integer, Text = "情報部門の職員数", Required = true };
        Draft(q, null).ShouldBeEmpty();
        var error = Submit(q, new Answer { Value = "  " }).ShouldHaveSingleItem();
        error.Rule.ShouldBe(AnswerRule.Required);
        error.Field.ShouldBe("staff");
        error.Message.ShouldContain("情報部門の職員数");
        error.Message.ShouldContain("staff");
        error.Message.ShouldContain("必須");
    }

    [Theory]
    [InlineData("12", true)]
    [InlineData("１２", true)]
    [InlineData("1,200", true)]
    [InlineData("１，２００", true)]
    [InlineData("-3", false)]
    [InlineData("12.5", false)]
    [InlineData("十二", false)]
    public void Integers_accept_full_width_digits_and_commas_and_keep_to_the_range(string typed, bool ok)
    {
        var q = new Question { Key = "staff", Type = QuestionType.Integer, Text = "職員数", Unit = "人", Min = 0, Max = 100000 };
        var errors = Draft(q, new Answer { Value = typed });
        if (ok) errors.ShouldBeEmpty();
        else errors.ShouldHaveSingleItem().Message.ShouldContain("職員数");
    }

    [Fact]
    public void A_number_out_of_range_names_the_range_with_its_unit()
    {
        var q = new Question { Key = "rate", Type = QuestionType.Decimal, Text = "完了率", Unit = "%", Min = 0, Max = 100 };
        var error = Draft(q, new Answer { Value = "120.5" }).ShouldHaveSingleItem();
        error.Rule.ShouldBe(AnswerRule.Range);
        error.Message.ShouldContain("0%から100%まで");
        Draft(q, new Answer { Value = "９９．５" }).ShouldBeEmpty();
        Draft(q, new Answer { Value = "abc" }).ShouldHaveSingleItem().Rule.ShouldBe(AnswerRule.Format);
    }

    [Fact]
    public void Text_longer_than_its_limit_is_refused_with_the_default_limits_200_and_4000()
    {
        var shortText = new Question { Key = "name", Type = QuestionType.ShortText, Text = "担当課" };
        Draft(shortText, new Answer { Value = new string('あ', 200) }).ShouldBeEmpty();
        Draft(shortText, new Answer { Value = new string('あ', 201) }).ShouldHaveSingleItem().Message.ShouldContain("200文字以内");
        var longText = new Question { Key = "memo", Type = QuestionType.LongText, Text = "課題" };
        Draft(longText, new Answer { Value = new string('あ', 4000) }).ShouldBeEmpty();
        Draft(longText, new Answer { Value = new string('あ', 4001) }).ShouldHaveSingleItem().Rule.ShouldBe(AnswerRule.Length);
        var limited = new Question { Key = "x", Type = QuestionType.ShortText, Text = "略称", MaxLength = 5 };
        Draft(limited, new Answer { Value = "𠮷野家の店" }).ShouldBeEmpty(); // a surrogate pair counts as one character
        Draft(limited, new Answer { Value = "123456" }).ShouldHaveSingleItem().Message.ShouldContain("5文字以内");
    }

    [Fact]
    public void A_choice_not_offered_is_refused_and_other_needs_its_text()
    {
        var q = new Question
        {
            Key = "tool", Type = QuestionType.SingleChoice, Text = "利用ツール", AllowOther = true,
            Options = [new("chat", "対話型AI"), new("ocr", "AI-OCR")],
        };
        Draft(q, new Answer { Value = "chat" }).ShouldBeEmpty();
        Draft(q, new Answer { Value = "rpa" }).ShouldHaveSingleItem().Rule.ShouldBe(AnswerRule.Choice);
        Draft(q, new Answer { Value = Answer.OtherValue }).ShouldHaveSingleItem().Rule.ShouldBe(AnswerRule.Other);
        Draft(q, new Answer { Value = Answer.OtherValue, Other = "議事録作成" }).ShouldBeEmpty();

        var multi = new Question { Key = "tools", Type = QuestionType.MultipleChoice, Text = "ツール", Options = [new("chat", "対話型AI")] };
        Draft(multi, new Answer { Choices = ["chat"] }).ShouldBeEmpty();
        Draft(multi, new Answer { Choices = ["chat", Answer.OtherValue] }).ShouldHaveSingleItem().Rule.ShouldBe(AnswerRule.Choice); // no その他 offered
    }

    [Theory]
    [InlineData("2026-04-01", true)]
    [InlineData("2026/4/1", true)]
    [InlineData("２０２６－０４－０１", true)]
    [InlineData("令和8年4月1日", true)]
    [InlineData("R8.4.1", true)]
    [InlineData("平成31年4月30日", true)]
    [InlineData("令和元年5月1日", true)]
    [InlineData("平成31年5月1日", false)]
    [InlineData("令和元年4月30日", false)]
    [InlineData("昭和64年1月8日", false)]
    [InlineData("2026-02-30", false)]
    [InlineData("来年度", false)]
    public void Dates_are_read_as_yyyy_MM_dd_or_in_wareki(string typed, bool ok)
    {
        var q = new Question { Key = "from", Type = QuestionType.Date, Text = "導入日" };
        var errors = Draft(q, new Answer { Value = typed });
        if (ok) errors.ShouldBeEmpty();
        else errors.ShouldHaveSingleItem().Rule.ShouldBe(AnswerRule.Format);
    }

    [Fact]
    public void Wareki_dates_read_as_the_same_day()
    {
        AnswerValues.TryParseDate("令和8年4月1日", out var date).ShouldBeTrue();
        date.ShouldBe(new DateOnly(2026, 4, 1));
        AnswerValues.TryParseDate("令和元年5月1日", out date).ShouldBeTrue();
        date.ShouldBe(new DateOnly(2019, 5, 1));
    }

    [Fact]
    public void Yes_no_accepts_only_yes_or_no()
    {
        var q = new Question { Key = "uses", Type = QuestionType.YesNo, Text = "利用していますか" };
        Draft(q, new Answer { Value = "yes" }).ShouldBeEmpty();
        Draft(q, new Answer { Value = "no" }).ShouldBeEmpty();
        Draft(q, new Answer { Value = "maybe" }).ShouldHaveSingleItem().Rule.ShouldBe(AnswerRule.Choice);
    }

    [Fact]
    public void A_file_question_needs_a_file_when_required_and_holds_at_most_five()
    {
        var q = new Question { Key = "plan", Type = QuestionType.File, Text = "計画書", Required = true };
        Submit(q, null).ShouldHaveSingleItem().Rule.ShouldBe(AnswerRule.Required);
        Submit(q, new Answer { FileIds = [1] }).ShouldBeEmpty();
        Draft(q, new Answer { FileIds = [1, 2, 3, 4, 5, 6] }).ShouldHaveSingleItem().Rule.ShouldBe(AnswerRule.Files);
    }

    [Fact]
    public void Table_cells_follow_their_column_type_and_required_cells_are_needed_to_submit()
    {
        var q = new Question
        {
            Key = "systems", Type = QuestionType.Table, Text = "業務別の状況",
            Rows = [new("juki", "住民記録"), new("zei", "個人住民税")],
            Columns = [new("cost", "経費", QuestionType.Integer, "千円", 0, null, Required: true), new("from", "移行日", QuestionType.Date)],
        };
        var answer = new Answer
        {
            Cells = new()
            {
                ["juki"] = new() { ["cost"] = "１，５００", ["from"] = "令和8年1月4日" },
                ["zei"] = new() { ["cost"] = "-1", ["from"] = "いつか" },
            },
        };
        var draft = Draft(q, answer);
        draft.Select(e => e.Field).ShouldBe(["systems.zei.cost", "systems.zei.from"]);
        draft[0].Message.ShouldContain("個人住民税");
        draft[0].Message.ShouldContain("経費");
        draft[0].Rule.ShouldBe(AnswerRule.Range);

        var missing = new Answer { Cells = new() { ["juki"] = new() { ["cost"] = "10" } } };
        Draft(q, missing).ShouldBeEmpty();
        var error = Submit(q, missing).ShouldHaveSingleItem();
        error.Field.ShouldBe("systems.zei.cost");
        error.Rule.ShouldBe(AnswerRule.Required);
    }

    [Fact]
    public void A_hidden_required_question_is_not_required_and_a_shown_one_is()
    {
        var form = Form(
            new Question { Key = "uses", Type = QuestionType.YesNo, Text = "生成AIを利用していますか", Required = true },
            new Question { Key = "pages", Type = QuestionType.Integer, Text = "月間処理枚数", Required = true, ShowIf = new("uses", ["yes"]) });
        AnswerValidator.Validate(form, Answers(("uses", new Answer { Value = "no" }), ("pages", new Answer { Value = "abc" })), forSubmit: true)
            .ShouldBeEmpty(); // hidden: neither required nor checked
        var errors = AnswerValidator.Validate(form, Answers(("uses", new Answer { Value = "yes" })), forSubmit: true);
        errors.ShouldHaveSingleItem().QuestionKey.ShouldBe("pages");
    }

    [Fact]
    public void An_unconfirmed_prefilled_answer_blocks_the_submission_until_confirmed()
    {
        var q = new Question { Key = "staff", Type = QuestionType.Integer, Text = "職員数" };
        var prefilled = new Answer { Value = "12", PrefilledFrom = "previous-round" };
        Draft(q, prefilled).ShouldBeEmpty();
        Submit(q, prefilled).ShouldHaveSingleItem().Rule.ShouldBe(AnswerRule.Confirmation);
        prefilled.Confirmed = true;
        Submit(q, prefilled).ShouldBeEmpty();
    }
}
