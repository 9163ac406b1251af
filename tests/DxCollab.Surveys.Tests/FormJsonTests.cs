using System.Text.Json;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Tests;

/// <summary>Question types and section origins are written by name, both in the stored form and in the API's own
/// (web default) JSON, and read back from either.</summary>
public class FormJsonTests
{
    private static SurveyForm Form() => new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "s1", Title = "国の調査項目", Origin = SectionOrigin.National,
                Questions = [new Question { Key = "q1", Type = QuestionType.YesNo, Text = "導入していますか" }],
            },
        ],
    };

    [Fact]
    public void A_stored_form_names_its_question_types_and_origins_and_reads_back_the_same()
    {
        var json = Form().ToJson();
        json.ShouldContain("\"type\":\"YesNo\"");
        json.ShouldContain("\"origin\":\"National\"");
        var back = SurveyForm.FromJson(json);
        back.Sections[0].Origin.ShouldBe(SectionOrigin.National);
        back.Find("q1")!.Type.ShouldBe(QuestionType.YesNo);
    }

    [Fact]
    public void The_API_s_web_JSON_names_question_types_too()
    {
        var json = JsonSerializer.Serialize(Form(), JsonSerializerOptions.Web);
        json.ShouldContain("\"type\":\"YesNo\"");
        JsonSerializer.Deserialize<SurveyForm>(json, JsonSerializerOptions.Web)!.Find("q1")!.Type.ShouldBe(QuestionType.YesNo);
    }

    [Fact]
    public void A_table_column_s_type_is_named_in_the_stored_form()
    {
        var form = Form();
        form.Sections[0].Questions.Add(new Question
        {
            Key = "q2", Type = QuestionType.Table, Text = "業務ごとの件数",
            Rows = [new TableRow("r1", "住民記録")], Columns = [new TableColumn("c1", "件数", QuestionType.Decimal)],
        });
        form.ToJson().ShouldContain("\"type\":\"Decimal\"");
        SurveyForm.FromJson(form.ToJson()).Find("q2")!.Columns[0].Type.ShouldBe(QuestionType.Decimal);
    }

    [Fact]
    public void A_form_stored_with_numbers_still_reads() =>
        SurveyForm.FromJson("""{"sections":[{"key":"s1","title":"t","origin":2,"questions":[{"key":"q1","type":8,"text":"x"}]}]}""")
            .Sections[0].ShouldSatisfyAllConditions(
                s => s.Origin.ShouldBe(SectionOrigin.National),
                s => s.Questions[0].Type.ShouldBe(QuestionType.YesNo));
}
