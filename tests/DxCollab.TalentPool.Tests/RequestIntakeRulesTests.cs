using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Requests;

namespace DxCollab.TalentPool.Tests;

public class RequestIntakeRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static RequestInput Theme(string key, Dictionary<string, string>? intake = null, DateOnly? from = null, DateOnly? to = null) =>
        new(key, null, null, intake, Urgency.Normal, from, to, SupportMode.Either, []);

    private static Dictionary<string, string> Complete(SupportTheme theme) =>
        theme.Questions.Where(q => q.Required).ToDictionary(q => q.Key, q => q.Options?[0] ?? "回答");

    [Fact]
    public void Every_theme_has_three_to_five_questions_with_unique_keys_and_at_least_one_with_choices()
    {
        foreach (var theme in ThemeCatalog.Themes)
        {
            theme.Questions.Count.ShouldBeInRange(3, 5, theme.Key);
            theme.Questions.Select(q => q.Key).ShouldBeUnique(theme.Key);
            theme.Questions.ShouldContain(q => q.Options != null, theme.Key);
        }
    }

    [Fact]
    public void A_complete_answer_to_every_theme_passes() =>
        ThemeCatalog.Themes.ShouldAllBe(t => IntakeRules.Check(Theme(t.Key, Complete(t), null, null), Today).Count == 0);

    [Fact]
    public void Each_missing_required_answer_is_reported_under_its_question_in_its_words()
    {
        var theme = ThemeCatalog.Find(ThemeCatalog.SecurityPolicy)!;
        var errors = IntakeRules.Check(Theme(theme.Key), Today);
        errors.Select(e => e.Field).ShouldBe(theme.Questions.Where(q => q.Required).Select(q => $"intake.{q.Key}"));
        errors[0].Message.ShouldBe("「いまのポリシーを最後に改定したのはいつ頃ですか」の答えを選んでください。");
        errors.Single(e => e.Field == "intake.trigger").Message.ShouldBe("「改定のきっかけは何ですか」に答えてください。");
    }

    [Fact]
    public void A_choice_not_offered_and_a_question_the_theme_does_not_ask_are_refused()
    {
        var theme = ThemeCatalog.Find(ThemeCatalog.Network)!;
        var answers = Complete(theme);
        answers["model"] = "γモデル";
        answers["budget"] = "100万円";
        var errors = IntakeRules.Check(Theme(theme.Key, answers), Today);
        errors.Single(e => e.Field == "intake.model").Message.ShouldStartWith("「三層の対策はどのモデルですか」の答えは、「αモデル」");
        errors.Single(e => e.Field == "intake").Message.ShouldContain("budget");
    }

    [Fact]
    public void The_period_starts_today_or_later_ends_after_it_starts_and_within_two_years()
    {
        var theme = ThemeCatalog.Find(ThemeCatalog.DataUse)!;
        IntakeRules.Check(Theme(theme.Key, Complete(theme), Today, Today), Today).ShouldBeEmpty();
        IntakeRules.Check(Theme(theme.Key, Complete(theme), Today.AddDays(-1)), Today).Single().Message
            .ShouldBe("希望する期間の始まりは今日（令和8年12月3日）以降の日付にしてください。");
        IntakeRules.Check(Theme(theme.Key, Complete(theme), Today.AddDays(9), Today.AddDays(8)), Today).Single().Field.ShouldBe("preferredTo");
        IntakeRules.Check(Theme(theme.Key, Complete(theme), null, Today.AddYears(2).AddDays(1)), Today).Single().Field.ShouldBe("preferredTo");
    }

    [Fact]
    public void A_consultation_needs_a_title_and_what_it_is_about_but_no_theme_questions()
    {
        var errors = IntakeRules.Check(new RequestInput(null, " ", null, null, null, null, null, null, null), Today);
        errors.Select(e => e.Field).ShouldBe(["title", "description"]);
        IntakeRules.Check(new RequestInput("", "DXの進め方", "何から始めれば", null, null, null, null, null, null), Today).ShouldBeEmpty();
    }
}
