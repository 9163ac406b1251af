using DxCollab.Surveys.Authoring;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Tests;

/// <summary>What the builder refuses and why, every message naming the question; keys issued once; a published form
/// that may only grow.</summary>
public class AuthoringFormRulesTests
{
    private static Question Q(string key, QuestionType type, string text = "質問") => new() { Key = key, Type = type, Text = text };

    private static SurveyForm Form(params Question[] questions) =>
        new() { Sections = [new FormSection { Key = "s1", Title = "基本", Questions = [.. questions] }] };

    private static Question Choice(string key, params string[] values) =>
        new() { Key = key, Type = QuestionType.SingleChoice, Text = "利用状況", Options = values.Select(v => new ChoiceOption(v, v + "の表示")).ToList() };

    private static Question Table(string key) => new()
    {
        Key = key, Type = QuestionType.Table, Text = "業務ごとの状況",
        Rows = [new("r1", "住民記録"), new("r2", "税務")],
        Columns = [new("c1", "職員数", QuestionType.Integer, "人", 0, 100), new("c2", "状況", QuestionType.SingleChoice, Options: [new("done", "完了")])],
    };

    [Fact]
    public void A_form_with_every_question_type_done_right_passes()
    {
        var form = Form(Choice("q1", "a", "b"),
            new Question { Key = "q2", Type = QuestionType.MultipleChoice, Text = "ツール", AllowOther = true, Options = [new("x", "X")], ShowIf = new("q1", ["a"]) },
            Q("q3", QuestionType.ShortText), new Question { Key = "q4", Type = QuestionType.LongText, Text = "意見", MaxLength = 4000 },
            new Question { Key = "q5", Type = QuestionType.Integer, Text = "職員数", Unit = "人", Min = 0, Max = 1000 },
            new Question { Key = "q6", Type = QuestionType.Decimal, Text = "割合", Unit = "%", Min = 0, Max = 100.5m },
            Q("q7", QuestionType.Date), Q("q8", QuestionType.YesNo), Q("q9", QuestionType.File), Table("q10"),
            new Question { Key = "q11", Type = QuestionType.ShortText, Text = "その他の内容", ShowIf = new("q2", ["other"]) });
        FormRules.Validate(form).ShouldBeNull();
    }

    public static TheoryData<string, Question, string> Refused => new()
    {
        { "choice without options", new Question { Key = "q1", Type = QuestionType.SingleChoice, Text = "利用状況" }, "選択肢を 1 つ以上" },
        { "duplicate option", new Question { Key = "q1", Type = QuestionType.MultipleChoice, Text = "利用状況", Options = [new("a", "A"), new("a", "B")] }, "「a」が重複" },
        { "reserved other", new Question { Key = "q1", Type = QuestionType.SingleChoice, Text = "利用状況", Options = [new("other", "その他")] }, "予約" },
        { "options on text", new Question { Key = "q1", Type = QuestionType.ShortText, Text = "名称", Options = [new("a", "A")] }, "選択肢は使えません" },
        { "other on yes/no", new Question { Key = "q1", Type = QuestionType.YesNo, Text = "有無", AllowOther = true }, "「その他」は使えません" },
        { "empty text", new Question { Key = "q1", Type = QuestionType.YesNo, Text = " " }, "質問文を入力" },
        { "min above max", new Question { Key = "q1", Type = QuestionType.Integer, Text = "人数", Min = 10, Max = 1 }, "最小値を最大値以下" },
        { "decimal range on integer", new Question { Key = "q1", Type = QuestionType.Integer, Text = "人数", Max = 1.5m }, "範囲も整数" },
        { "unit on date", new Question { Key = "q1", Type = QuestionType.Date, Text = "日付", Unit = "日" }, "単位や範囲は使えません" },
        { "max length on number", new Question { Key = "q1", Type = QuestionType.Integer, Text = "人数", MaxLength = 10 }, "最大文字数は使えません" },
        { "max length too long", new Question { Key = "q1", Type = QuestionType.ShortText, Text = "名称", MaxLength = 5000 }, "1〜4000" },
        { "table without rows", new Question { Key = "q1", Type = QuestionType.Table, Text = "表", Columns = [new("c", "列")] }, "行を 1 つ以上" },
        { "table without columns", new Question { Key = "q1", Type = QuestionType.Table, Text = "表", Rows = [new("r", "行")] }, "列を 1 つ以上" },
        { "table with a file column", new Question { Key = "q1", Type = QuestionType.Table, Text = "表", Rows = [new("r", "行")], Columns = [new("c", "添付", QuestionType.File)] }, "列「添付」の種類" },
        { "table choice column without options", new Question { Key = "q1", Type = QuestionType.Table, Text = "表", Rows = [new("r", "行")], Columns = [new("c", "状況", QuestionType.SingleChoice)] }, "列「状況」は単一選択" },
        { "rows on a text question", new Question { Key = "q1", Type = QuestionType.ShortText, Text = "名称", Rows = [new("r", "行")] }, "行・列は使えません" },
        { "unknown type", new Question { Key = "q1", Type = (QuestionType)99, Text = "謎" }, "種類がわかりません" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_badly_built_question_is_refused_naming_it_and_the_rule(string why, Question question, string rule)
    {
        var problem = FormRules.Validate(Form(question)).ShouldNotBeNull(why);
        problem.Field.ShouldBe("q1");
        problem.Message.ShouldContain(rule);
        problem.Message.ShouldContain("q1");
    }

    [Fact]
    public void Duplicate_question_keys_are_refused()
    {
        var problem = FormRules.Validate(Form(Q("q1", QuestionType.YesNo), Q("q1", QuestionType.ShortText))).ShouldNotBeNull();
        problem.Message.ShouldContain("「q1」が重複");
    }

    [Fact]
    public void A_condition_may_only_refer_to_an_earlier_question_so_no_cycle_can_form()
    {
        var later = Form(new Question { Key = "q1", Type = QuestionType.YesNo, Text = "A", ShowIf = new("q2", ["yes"]) },
            new Question { Key = "q2", Type = QuestionType.YesNo, Text = "B", ShowIf = new("q1", ["yes"]) });
        var problem = FormRules.Validate(later).ShouldNotBeNull();
        problem.Field.ShouldBe("q1");
        problem.Message.ShouldContain("前の質問だけ");

        FormRules.Validate(Form(new Question { Key = "q1", Type = QuestionType.YesNo, Text = "A", ShowIf = new("q1", ["yes"]) }))!
            .Message.ShouldContain("自分自身");
        FormRules.Validate(Form(Q("q1", QuestionType.YesNo), new Question { Key = "q2", Type = QuestionType.YesNo, Text = "B", ShowIf = new("q9", ["yes"]) }))!
            .Message.ShouldContain("「q9」");
    }

    [Fact]
    public void A_condition_must_use_a_value_the_earlier_question_offers()
    {
        var problem = FormRules.Validate(Form(Choice("q1", "a", "b"),
            new Question { Key = "q2", Type = QuestionType.ShortText, Text = "詳細", ShowIf = new("q1", ["c"]) })).ShouldNotBeNull();
        problem.Field.ShouldBe("q2");
        problem.Message.ShouldContain("「c」");

        FormRules.Validate(Form(Q("q1", QuestionType.ShortText), new Question { Key = "q2", Type = QuestionType.ShortText, Text = "詳細", ShowIf = new("q1", ["x"]) }))!
            .Message.ShouldContain("単一選択・複数選択・はい／いいえ");
        FormRules.Validate(Form(Q("q1", QuestionType.YesNo), new Question { Key = "q2", Type = QuestionType.ShortText, Text = "詳細", ShowIf = new("q1", []) }))!
            .Message.ShouldContain("1 つ以上");
        FormRules.Validate(Form(Q("q1", QuestionType.YesNo), new Question { Key = "q2", Type = QuestionType.ShortText, Text = "詳細", ShowIf = new("q1", ["no"]) }))
            .ShouldBeNull();
    }

    [Fact]
    public void New_questions_get_the_next_keys_and_a_removed_key_is_never_issued_again()
    {
        var stored = new SurveyForm();
        var first = new SurveyForm { Sections = [new FormSection { Key = "", Title = "A", Questions = [Q("", QuestionType.YesNo), Q("", QuestionType.Date)] }] };
        FormRules.AssignKeys(stored, first).ShouldBeNull();
        first.Sections[0].Key.ShouldBe("s1");
        first.Questions.Select(q => q.Key).ShouldBe(["q1", "q2"]);

        // q2 removed, then a question added: it becomes q3, not q2 again.
        var second = SurveyForm.FromJson(first.ToJson());
        second.Sections[0].Questions.RemoveAt(1);
        FormRules.AssignKeys(first, second).ShouldBeNull();
        var third = SurveyForm.FromJson(second.ToJson());
        third.Sections[0].Questions.Add(Q("", QuestionType.ShortText));
        FormRules.AssignKeys(second, third).ShouldBeNull();
        third.Questions.Select(q => q.Key).ShouldBe(["q1", "q3"]);
    }

    [Fact]
    public void A_key_the_form_never_had_is_refused()
    {
        var stored = Form(Q("q1", QuestionType.YesNo));
        var problem = FormRules.AssignKeys(stored, Form(Q("q1", QuestionType.YesNo), Q("made-up", QuestionType.YesNo))).ShouldNotBeNull();
        problem.Field.ShouldBe("made-up");
        problem.Message.ShouldContain("キーを空に");
    }

    [Fact]
    public void After_publishing_additions_and_rewording_pass()
    {
        var published = Form(Choice("q1", "a", "b"), Table("q2"));
        var grown = SurveyForm.FromJson(published.ToJson());
        grown.Sections[0].Questions[0].Options.Add(new("c", "c"));
        grown.Sections[0].Questions[0].Text = "利用状況（令和8年4月1日時点）";
        grown.Sections[0].Questions[1].Rows.Add(new("r3", "福祉"));
        grown.Sections[0].Questions.Add(Q("q3", QuestionType.LongText));
        grown.Sections.Add(new FormSection { Key = "s2", Title = "追加", Questions = [Q("q4", QuestionType.YesNo)] });
        FormRules.CheckAdditive(published, grown).ShouldBeNull();
    }

    public static TheoryData<string, Action<SurveyForm>, string> Breaking => new()
    {
        { "removed", f => f.Sections[0].Questions.RemoveAt(0), "削除できません" },
        { "type changed", f => f.Sections[0].Questions[0].Type = QuestionType.MultipleChoice, "種類（単一選択）" },
        { "option removed", f => f.Sections[0].Questions[0].Options.RemoveAt(1), "選択肢「bの表示」" },
        { "option relabelled", f => f.Sections[0].Questions[0].Options[0] = new("a", "別の意味"), "選択肢「aの表示」" },
        { "condition changed", f => f.Sections[0].Questions[0].ShowIf = new("q0", ["yes"]), "表示条件" },
        { "made required", f => f.Sections[0].Questions[0].Required = true, "必須" },
        { "range changed", f => f.Sections[0].Questions[1].Max = 5, "範囲" },
    };

    [Theory]
    [MemberData(nameof(Breaking))]
    public void After_publishing_a_removal_or_change_is_refused_naming_the_question(string why, Action<SurveyForm> change, string rule)
    {
        var published = Form(Choice("q1", "a", "b"), new Question { Key = "q2", Type = QuestionType.Integer, Text = "人数", Max = 10 });
        var proposed = SurveyForm.FromJson(published.ToJson());
        change(proposed);
        var problem = FormRules.CheckAdditive(published, proposed).ShouldNotBeNull(why);
        problem.Message.ShouldContain(rule);
        problem.Message.ShouldContain("質問「q");
    }

    [Fact]
    public void After_publishing_a_removed_section_or_table_column_is_refused()
    {
        var published = Form(Table("q1"));
        var noColumn = SurveyForm.FromJson(published.ToJson());
        noColumn.Sections[0].Questions[0].Columns.RemoveAt(0);
        FormRules.CheckAdditive(published, noColumn)!.Message.ShouldContain("列「職員数」");
        FormRules.CheckAdditive(published, new SurveyForm())!.Message.ShouldContain("セクション「s1");
    }
}
