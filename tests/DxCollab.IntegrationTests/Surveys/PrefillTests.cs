using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Identity;
using DxCollab.Standardization.Tracking;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using DxCollab.Surveys.Prefill;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>Prefill of a new round: the 団体's own submitted answer of the round it was copied from, then figures the
/// product already holds (標準化 完了率 through the Platform prefill contract); never another 団体's or prefecture's.</summary>
public abstract class PrefillTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Toyonaka = "272035", Chihaya = "273830";

    private static SurveyForm Form(params ChoiceOption[] systems) => new()
    {
        Sections =
        [
            new FormSection
            {
                Key = "dx", Title = "DXの推進体制",
                Questions =
                [
                    new Question { Key = "staff", Type = QuestionType.Integer, Text = "DX担当職員数", Unit = "人" },
                    new Question { Key = "cloud", Type = QuestionType.SingleChoice, Text = "基幹系システムの方式", Options = [.. systems] },
                    new Question { Key = "rate", Type = QuestionType.Decimal, Text = "標準化の完了率", Unit = "%",
                        PrefillSource = "standardization.completion-rate" },
                ],
            },
        ],
    };

    private static readonly ChoiceOption[] LastYearsOptions = [new("gcloud", "ガバメントクラウド"), new("onprem", "オンプレミス"), new("mainframe", "メインフレーム")];

    private Task<AnswerSet> PrefillAsync(string tenant, long surveyId, string code, AnswerSet? current = null) =>
        App.InTenantAsync(tenant, async sp =>
        {
            var survey = await App.SurveyAsync(tenant, surveyId);
            return await sp.GetRequiredService<SurveyPrefiller>().PrefillAsync(survey, code, current ?? new AnswerSet());
        });

    [Fact]
    public async Task A_new_round_starts_from_the_own_submitted_answer_and_drops_an_option_no_longer_offered()
    {
        var lastYear = await App.AddSurveyAsync("osaka", Form(LastYearsOptions), [Toyonaka, Chihaya], SurveyState.Closed);
        await App.SetAnswersAsync("osaka", lastYear, Toyonaka, new AnswerSet
        {
            Answers = { ["staff"] = new Answer { Value = "4" }, ["cloud"] = new Answer { Value = "mainframe" }, ["rate"] = new Answer { Value = "35.0" } },
        }, ResponseState.Submitted);
        // 千早赤阪村 only drafted last year: a draft that was never submitted is not "its answer".
        await App.SetAnswersAsync("osaka", lastYear, Chihaya, new AnswerSet { Answers = { ["staff"] = new Answer { Value = "1" } } }, ResponseState.Drafting);

        var thisYear = await App.AddSurveyAsync("osaka", Form(LastYearsOptions[..2]), [Toyonaka, Chihaya], copiedFrom: lastYear);

        var toyonaka = await PrefillAsync("osaka", thisYear, Toyonaka);
        toyonaka["staff"]!.Value.ShouldBe("4");
        toyonaka["staff"]!.PrefilledFrom.ShouldBe("previous-round");
        toyonaka["staff"]!.AwaitsConfirmation.ShouldBeTrue();
        toyonaka["rate"]!.Value.ShouldBe("35.0");
        toyonaka["cloud"].ShouldBeNull("メインフレーム is no longer offered");

        var chihaya = await PrefillAsync("osaka", thisYear, Chihaya);
        chihaya["staff"].ShouldBeNull();
    }

    [Fact]
    public async Task Without_a_previous_answer_the_completion_rate_comes_from_standardization_as_its_page_shows_it()
    {
        // 豊中市: 住民記録 fully done (40 of 800 steps) and one 業務 switched off → 40 / (40 × 19) = 5.3%.
        await App.InTenantAsync("osaka", async sp =>
        {
            var tracker = sp.GetRequiredService<StepTracker>();
            var done = await tracker.UpdateAsync(Toyonaka, [3], [.. Enumerable.Range(1, 40)], new StepUpdate(DxCollab.Standardization.StepStatus.Completed), "test", "screen");
            done.Succeeded.ShouldBeTrue();
            (await sp.GetRequiredService<SystemFacts>().SetEnabledAsync(Toyonaka, 20, false, "test")).ShouldNotBeNull();
        });
        var survey = await App.AddSurveyAsync("osaka", Form(LastYearsOptions), [Toyonaka, Chihaya]);

        var toyonaka = await PrefillAsync("osaka", survey, Toyonaka);
        toyonaka["rate"]!.Value.ShouldBe("5.3");
        toyonaka["rate"]!.PrefilledFrom.ShouldBe("standardization.completion-rate");
        toyonaka["staff"].ShouldBeNull();
        (await PrefillAsync("osaka", survey, Chihaya))["rate"]!.Value.ShouldBe("0.0");

        // The builder offers the sources by key and label.
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var sources = await admin.GetFromJsonAsync<PrefillSourceItem[]>("/api/v1/osaka/surveys/prefill-sources");
        sources!.ShouldContain(s => s.Key == "standardization.completion-rate" && s.Unit == "%" && s.Label.Contains("完了率"));

        // The respondent reads where the value came from in words, not the source's key.
        using var officer = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var page = await officer.GetStringAsync($"/osaka/surveys/{survey}/answer/{Toyonaka}");
        page.ShouldContain("<span class=\"prefill-badge\">登録済みのデータ「標準化の完了率（標準化の進捗より）」から</span>");
    }

    [Fact]
    public async Task An_answer_already_in_the_draft_is_never_overwritten()
    {
        var lastYear = await App.AddSurveyAsync("osaka", Form(LastYearsOptions), [Toyonaka], SurveyState.Closed);
        await App.SetAnswersAsync("osaka", lastYear, Toyonaka, new AnswerSet { Answers = { ["staff"] = new Answer { Value = "4" } } }, ResponseState.Submitted);
        var thisYear = await App.AddSurveyAsync("osaka", Form(LastYearsOptions), [Toyonaka], copiedFrom: lastYear);

        var filled = await PrefillAsync("osaka", thisYear, Toyonaka, new AnswerSet
        {
            Answers = { ["staff"] = new Answer { Value = "6", EditedBy = "toyonaka@osaka.example" }, ["rate"] = new Answer { Value = "12.5" } },
        });

        filled["staff"]!.Value.ShouldBe("6");
        filled["staff"]!.PrefilledFrom.ShouldBeNull();
        filled["rate"]!.Value.ShouldBe("12.5");
        filled["rate"]!.PrefilledFrom.ShouldBeNull();
    }

    [Fact]
    public async Task A_survey_of_another_prefecture_is_never_used_as_the_previous_round()
    {
        // An osaka survey answered under 笠置町's code, and a kyoto survey claiming to be copied from it.
        var osaka = await App.AddSurveyAsync("osaka", Form(LastYearsOptions), ["263648"], SurveyState.Closed);
        await App.SetAnswersAsync("osaka", osaka, "263648", new AnswerSet { Answers = { ["staff"] = new Answer { Value = "9" } } }, ResponseState.Submitted);
        var kyoto = await App.AddSurveyAsync("kyoto", Form(LastYearsOptions), ["263648"], copiedFrom: osaka);

        var filled = await PrefillAsync("kyoto", kyoto, "263648");
        filled["staff"].ShouldBeNull();
        filled["rate"]!.PrefilledFrom.ShouldBe("standardization.completion-rate");
    }

    [Fact]
    public async Task Prefill_sources_are_for_organisation_staff_only()
    {
        await App.CreateUserAsync("osaka", "expert.prefill@osaka.example", "Expert-Prefill-2026!", null, Roles.Expert);
        using var expert = await App.SignInAsync("osaka", "expert.prefill@osaka.example", "Expert-Prefill-2026!");
        using var refused = await expert.GetAsync("/api/v1/osaka/surveys/prefill-sources");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_Prefill(PostgresAppFixture fixture) : PrefillTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_Prefill(SqliteAppFixture fixture) : PrefillTests(fixture);
