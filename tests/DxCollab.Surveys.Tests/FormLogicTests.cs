using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Tests;

public class FormLogicTests
{
    private static SurveyForm Form() => new()
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
                    new Question { Key = "ocr-pages", Type = QuestionType.Integer, Text = "AI-OCRの月間処理枚数", Unit = "枚",
                        ShowIf = new("tools", ["ocr"]) },
                ],
            },
        ],
    };

    [Fact]
    public void A_question_shows_only_when_its_condition_holds_along_the_whole_chain()
    {
        var form = Form();
        var answers = new AnswerSet();
        form.IsVisible(form.Find("tools")!, answers).ShouldBeFalse();

        answers.Answers["uses"] = new Answer { Value = "yes" };
        answers.Answers["tools"] = new Answer { Choices = ["ocr"] };
        form.IsVisible(form.Find("ocr-pages")!, answers).ShouldBeTrue();

        // Answering いいえ to the first question hides the whole chain, even though "ocr" is still stored.
        answers.Answers["uses"].Value = "no";
        form.IsVisible(form.Find("ocr-pages")!, answers).ShouldBeFalse();
    }

    [Fact]
    public void A_cycle_left_in_a_form_hides_the_questions_instead_of_hanging()
    {
        var form = new SurveyForm
        {
            Sections = [new FormSection { Key = "s", Title = "s", Questions =
            [
                new Question { Key = "a", Type = QuestionType.YesNo, Text = "a", ShowIf = new("b", ["yes"]) },
                new Question { Key = "b", Type = QuestionType.YesNo, Text = "b", ShowIf = new("a", ["yes"]) },
            ] }],
        };
        form.IsVisible(form.Find("a")!, new AnswerSet()).ShouldBeFalse();
    }

    [Fact]
    public void Forms_and_answers_round_trip_through_their_stored_json_with_japanese_kept_readable()
    {
        var form = Form();
        var json = form.ToJson();
        json.ShouldContain("生成AI");
        json.ShouldContain("\"type\":\"YesNo\"");
        SurveyForm.FromJson(json).Find("tools")!.ShowIf!.AnyOf.ShouldBe(["yes"]);

        var answers = new AnswerSet { Answers = { ["tools"] = new Answer { Choices = ["chat", Answer.OtherValue], Other = "議事録要約" } } };
        AnswerSet.FromJson(answers.ToJson())["tools"]!.Other.ShouldBe("議事録要約");
    }
}
