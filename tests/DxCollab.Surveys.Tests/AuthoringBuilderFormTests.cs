using DxCollab.Surveys.Forms;
using DxCollab.Surveys.Pages.Surveys;

namespace DxCollab.Surveys.Tests;

/// <summary>The builder's plain form (lists typed one per line) turns into a question without losing the values that
/// answers, exports and conditions refer to.</summary>
public class AuthoringBuilderFormTests
{
    [Fact]
    public void Reworded_options_keep_their_values_and_new_lines_get_fresh_ones()
    {
        var existing = new Question
        {
            Key = "q2", Type = QuestionType.SingleChoice, Text = "用途", Options = [new("o1", "文書作成"), new("qa", "問合せ対応")],
        };
        var form = BuilderQuestionForm.From(existing, "s1");
        form.Options.ShouldBe("o1=文書作成\nqa=問合せ対応");

        form.Options = "o1=文書の作成\nqa=問合せ対応\nプログラミング";
        var question = form.ToQuestion(existing);
        question.Key.ShouldBe("q2");
        question.Options.ShouldBe([new("o1", "文書の作成"), new("qa", "問合せ対応"), new("o2", "プログラミング")]);
    }

    [Fact]
    public void A_table_is_typed_as_rows_and_columns_with_their_types_and_units()
    {
        var form = new BuilderQuestionForm
        {
            Type = QuestionType.Table, Text = "業務ごとの職員数", Rows = "住民記録\n税務", Columns = "職員数|整数|人\n委託の有無|はい／いいえ",
            Options = "残った選択肢", Unit = "人",
        };
        var question = form.ToQuestion(null);
        question.Rows.ShouldBe([new("r1", "住民記録"), new("r2", "税務")]);
        question.Columns.Select(c => (c.Key, c.Label, c.Type, c.Unit)).ShouldBe([("c1", "職員数", QuestionType.Integer, "人"), ("c2", "委託の有無", QuestionType.YesNo, (string?)null)]);
        question.Options.ShouldBeEmpty(); // fields of another type are dropped
        question.Unit.ShouldBeNull();
    }

    [Fact]
    public void A_condition_is_a_question_key_and_its_values()
    {
        var question = new BuilderQuestionForm { Type = QuestionType.ShortText, Text = "理由", ShowIfKey = "q1", ShowIfValues = "no、other" }.ToQuestion(null);
        question.ShowIf.ShouldNotBeNull().QuestionKey.ShouldBe("q1");
        question.ShowIf.AnyOf.ShouldBe(["no", "other"]);
        new BuilderQuestionForm { Type = QuestionType.ShortText, Text = "理由", ShowIfKey = "" }.ToQuestion(null).ShowIf.ShouldBeNull();
    }
}
