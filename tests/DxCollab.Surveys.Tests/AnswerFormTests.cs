using DxCollab.Surveys.Answering;
using DxCollab.Surveys.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DxCollab.Surveys.Tests;

/// <summary>The answer form posted without JavaScript reads back into answers (every question, so a cleared field is
/// saved too), and answers read as people expect them on the view page and in downloads.</summary>
public class AnswerFormTests
{
    private static readonly SurveyForm Form = new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "s", Title = "基本",
                Questions =
                [
                    new Question { Key = "tools", Type = QuestionType.MultipleChoice, Text = "ツール", AllowOther = true, Options = [new("chat", "対話型AI")] },
                    new Question { Key = "memo", Type = QuestionType.LongText, Text = "課題" },
                    new Question { Key = "plan", Type = QuestionType.File, Text = "計画" },
                    new Question
                    {
                        Key = "cost", Type = QuestionType.Table, Text = "経費", Rows = [new("juki", "住民記録")],
                        Columns = [new("yen", "経費", QuestionType.Integer, "千円"), new("from", "移行日", QuestionType.Date)],
                    },
                    new Question { Key = "when", Type = QuestionType.Date, Text = "導入日" },
                    new Question { Key = "uses", Type = QuestionType.YesNo, Text = "利用" },
                ],
            },
        ],
    };

    [Fact]
    public void Every_question_is_read_back_and_an_empty_field_becomes_an_empty_answer()
    {
        var posted = new FormCollection(new Dictionary<string, StringValues>
        {
            ["q.tools.choice"] = new(["chat", "other"]),
            ["q.tools.other"] = "議事録",
            ["q.cost.cell.juki.yen"] = "１，２００",
            ["q.cost.cell.juki.from"] = "",
            ["q.when"] = "令和8年4月1日",
        });
        var answers = AnswerForm.Read(Form, posted);
        answers["tools"].Choices.ShouldBe(["chat", "other"]);
        answers["tools"].Other.ShouldBe("議事録");
        answers["memo"].IsEmpty.ShouldBeTrue(); // cleared: saved as empty
        answers.ContainsKey("plan").ShouldBeFalse(); // file list not drawn: attached files stay as they are
        answers["cost"].Cells!["juki"]["yen"].ShouldBe("１，２００");
        answers["cost"].Cells!["juki"]["from"].ShouldBeNull();
        answers["when"].Value.ShouldBe("令和8年4月1日");
    }

    [Fact]
    public void Files_kept_are_those_still_ticked()
    {
        var posted = new FormCollection(new Dictionary<string, StringValues> { ["q.plan.files-shown"] = "1", ["q.plan.file"] = new(["12", "x"]) });
        AnswerForm.Read(Form, posted)["plan"].FileIds.ShouldBe([12L]);
    }

    [Fact]
    public void Answers_read_with_labels_units_and_wareki()
    {
        var q = Form.Find("tools")!;
        AnswerText.Of(q, new Answer { Choices = ["chat", "other"], Other = "議事録" }).ShouldBe("対話型AI、その他（議事録）");
        AnswerText.Of(Form.Find("when")!, new Answer { Value = "R8.4.1" }).ShouldBe("2026-04-01（令和8年4月1日）");
        AnswerText.Of(Form.Find("uses")!, new Answer { Value = "no" }).ShouldBe("いいえ");
        AnswerText.Of(Form.Find("cost")!, new Answer { Cells = new() { ["juki"] = new() { ["yen"] = "1200" } } }).ShouldBe("住民記録: 経費 1,200千円、移行日 ");
        AnswerText.Number("abc", "人").ShouldBe("abc"); // not a number: shown as typed
    }
}
