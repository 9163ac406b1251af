using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Tests;

/// <summary><see cref="Survey.Form"/> is parsed once per text of FormJson: read twice it is the same parse; a new form
/// (assigned, or new JSON written as EF does when it reads a row) is seen at once; the caller's instance is never cached.</summary>
public sealed class SurveyFormCacheTests
{
    private static SurveyForm OneQuestion(string text) => new()
    {
        Sections = [new FormSection { Key = "s1", Title = "基本", Questions = [new Question { Key = "q1", Type = QuestionType.ShortText, Text = text }] }],
    };

    [Fact]
    public void Reading_the_form_twice_parses_it_once()
    {
        var survey = new Survey { Title = "調査", Form = OneQuestion("職員数") };
        survey.Form.ShouldBeSameAs(survey.Form);
        survey.Form.Questions.Single().Text.ShouldBe("職員数");
    }

    [Fact]
    public void Assigning_a_form_or_writing_its_json_is_seen_on_the_next_read()
    {
        var survey = new Survey { Title = "調査", Form = OneQuestion("職員数") };
        var before = survey.Form;

        survey.Form = OneQuestion("情報部門の職員数");
        survey.Form.Questions.Single().Text.ShouldBe("情報部門の職員数");
        survey.Form.ShouldNotBeSameAs(before);

        survey.FormJson = OneQuestion("生成AIの利用").ToJson();
        survey.Form.Questions.Single().Text.ShouldBe("生成AIの利用");
    }

    [Fact]
    public void The_assigned_instance_is_not_the_cached_one_so_changing_it_afterwards_changes_nothing()
    {
        var proposed = OneQuestion("職員数");
        var survey = new Survey { Title = "調査", Form = proposed };
        proposed.Sections[0].Questions[0].Text = "あとから変えた文";
        survey.Form.Questions.Single().Text.ShouldBe("職員数");
    }
}
