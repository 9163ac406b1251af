using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Surveys.Demo;
using DxCollab.Surveys.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>Demo mode opens with 照会 to look at: osaka's closed and half-answered surveys, a closed written vote and a
/// KPI table, and one national survey relayed and answered in osaka and kyoto.</summary>
[Collection(DemoSqliteCollection.Name)]
public sealed class SurveyDemoTests(DemoSqliteAppFixture fixture) : AppTest(fixture)
{
    private async Task<List<(Survey Survey, List<SurveyResponse> Responses)>> SurveysAsync(string tenant) =>
        await App.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var surveys = await db.Set<Survey>().AsNoTracking().OrderBy(s => s.Id).ToListAsync();
            var responses = await db.Set<SurveyResponse>().AsNoTracking().ToListAsync();
            return surveys.Select(s => (s, responses.Where(r => r.SurveyId == s.Id).ToList())).ToList();
        });

    [Fact]
    public async Task Osaka_has_a_closed_survey_an_open_one_half_answered_a_closed_vote_and_a_kpi_table()
    {
        var osaka = await SurveysAsync("osaka");
        var closed = osaka.Single(s => s.Survey.Title.Contains("生成AIの利用状況"));
        closed.Survey.State.ShouldBe(SurveyState.Closed);
        closed.Responses.Count.ShouldBe(43);
        closed.Responses.ShouldAllBe(r => r.State == ResponseState.Submitted);
        closed.Survey.Title.ShouldStartWith("令和");

        var open = osaka.Single(s => s.Survey.Title.Contains("情報セキュリティ"));
        open.Survey.State.ShouldBe(SurveyState.Published);
        open.Responses.Select(r => r.State).Distinct().Order().ShouldBe(
            [ResponseState.NotStarted, ResponseState.Drafting, ResponseState.Submitted, ResponseState.Returned]);
        open.Responses.Count(r => r.ExtendedDeadline is not null).ShouldBeGreaterThan(0);
        open.Responses.Count(r => r.State == ResponseState.Submitted).ShouldBeInRange(15, 28);
        var today = DxCollab.Platform.Text.JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);
        open.Survey.Deadline.ShouldBeInRange(today.AddDays(4), today.AddDays(14));

        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var vote = osaka.Single(s => s.Survey.Kind == SurveyKind.WrittenVote);
        vote.Survey.State.ShouldBe(SurveyState.Closed);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var result = await toyonaka.GetFromJsonAsync<JsonElement>($"/api/v1/osaka/surveys/{vote.Survey.Id}/vote-result");
        result.GetProperty("items").GetArrayLength().ShouldBe(3);
        result.GetProperty("items")[0].GetProperty("outcome").GetString().ShouldBe("可決");

        var kpi = osaka.Single(s => s.Survey.Kind == SurveyKind.KpiProgress);
        var table = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/osaka/surveys/{kpi.Survey.Id}/kpi");
        var classes = table.GetProperty("rows").EnumerateArray().SelectMany(r => r.GetProperty("kpis").EnumerateArray())
            .Select(c => c.GetProperty("class").GetString()).Distinct().Order().ToList();
        classes.ShouldBe(["A", "B", "F", "N"]);

        // Kyoto has only the relayed national survey.
        (await SurveysAsync("kyoto")).Select(s => s.Survey.NationalSurveyId).ShouldBe([SurveyDemoData.NationalSurveyId]);
    }

    [Fact]
    public async Task The_national_side_sees_osakas_and_kyotos_answers_to_the_national_questions_only()
    {
        using var national = await App.SignInAsync(null, "national@dxcollab.example");
        var result = await national.GetFromJsonAsync<JsonElement>($"/api/v1/national/surveys/{SurveyDemoData.NationalSurveyId}");
        result.GetProperty("title").GetString()!.ShouldContain("自治体DX・情報化推進概要");
        result.GetProperty("referenceDate").GetString()!.ShouldEndWith("-04-01");
        result.GetProperty("prefectures").EnumerateArray().Select(p => p.GetProperty("prefectureId").GetString()).ShouldBe(["kyoto", "osaka"]);
        result.GetProperty("prefectures").EnumerateArray().ShouldAllBe(p => p.GetProperty("respondents").GetInt32() > 10);
        result.GetRawText().ShouldNotContain("pref-support");
        result.GetRawText().ShouldNotContain("支援に期待");

        using var osaka = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var received = await osaka.GetFromJsonAsync<JsonElement>("/api/v1/osaka/surveys/national");
        received.GetArrayLength().ShouldBe(1);
        received[0].GetProperty("surveyId").ValueKind.ShouldBe(JsonValueKind.Number);
    }
}
