using System.Net;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Surveys.Domain;
using static DxCollab.IntegrationTests.Surveys.FollowUpTestData;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>Results over submitted answers for the prefecture's staff, and 還元 to each respondent once the survey is
/// closed: its own answer beside the aggregate, never another 団体's answer; confidential → 404, still open → 403.</summary>
public abstract class FollowUpResultsTests(AppFixture fixture) : AppTest(fixture)
{
    private async Task<long> AnsweredAsync(SurveyState state = SurveyState.Closed, bool confidential = false)
    {
        var id = await App.SurveyAsync("osaka", new DateOnly(2031, 7, 22), state, confidential: confidential);
        await App.ResponseAsync("osaka", id, Toyonaka, ResponseState.Submitted, Answers("yes", ["chat", "ocr"], "12", "人手不足", jukiCost: "100"));
        await App.ResponseAsync("osaka", id, Osakashi, ResponseState.Submitted, Answers("no", ["ocr"], "300", "予算", jukiCost: "900"));
        await App.ResponseAsync("osaka", id, Suita, ResponseState.Submitted, Answers("yes", ["ocr"], "20"));
        await App.ResponseAsync("osaka", id, Chihayaakasaka, ResponseState.Drafting, Answers("yes", ["chat"], "1", "下書き"));
        return id;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static JsonElement Question(JsonElement results, string key) =>
        results.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == key);

    [Fact]
    public async Task Results_count_only_submitted_answers_and_leave_out_hidden_questions()
    {
        var id = await AnsweredAsync(SurveyState.Published);
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var results = await JsonAsync(await staff.GetAsync($"/api/v1/osaka/surveys/{id}/results"));
        results.GetProperty("submittedCount").GetInt32().ShouldBe(3);
        results.GetProperty("rosterCount").GetInt32().ShouldBe(4);
        // 大阪市 answered いいえ: its stored tools are hidden and not counted; 千早赤阪村's draft is not counted.
        var tools = Question(results, "tools");
        tools.GetProperty("answered").GetInt32().ShouldBe(2);
        tools.GetProperty("choices").EnumerateArray().Select(c => (c.GetProperty("label").GetString(), c.GetProperty("count").GetInt32(), c.GetProperty("percent").GetDouble()))
            .ShouldBe([("対話型AI", 1, 50.0), ("AI-OCR", 2, 100.0), ("その他", 0, 0.0)]);
        var staffCount = Question(results, "staff").GetProperty("numbers");
        (staffCount.GetProperty("count").GetInt32(), staffCount.GetProperty("sum").GetDecimal(), staffCount.GetProperty("median").GetDecimal(),
            staffCount.GetProperty("min").GetDecimal(), staffCount.GetProperty("max").GetDecimal()).ShouldBe((3, 332m, 20m, 12m, 300m));
        Question(results, "cost").GetProperty("table")[0].GetProperty("total").GetDecimal().ShouldBe(1000m);
        Question(results, "note").GetProperty("texts").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ShouldBe(["大阪市", "豊中市"]);

        var page = await (await staff.GetAsync($"/osaka/surveys/{id}/results")).Content.ReadAsStringAsync();
        page.ShouldContain("<svg");
        page.ShouldContain($"/osaka/surveys/{id}/answer/{Toyonaka}/view");
    }

    [Fact]
    public async Task After_closing_each_respondent_sees_its_own_answers_beside_the_aggregate_and_nobody_elses()
    {
        var id = await AnsweredAsync();
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var feedback = await JsonAsync(await toyonaka.GetAsync($"/api/v1/osaka/surveys/{id}/feedback/{Toyonaka}"));
        feedback.GetProperty("name").GetString().ShouldBe("豊中市");
        var staff = Question(feedback, "staff");
        staff.GetProperty("ownAnswer").GetString().ShouldBe("12人");
        staff.GetProperty("aggregate").GetProperty("numbers").GetProperty("median").GetDecimal().ShouldBe(20m);
        // Per-団体 texts are never sent back.
        var aggregate = Question(feedback, "note").GetProperty("aggregate");
        (!aggregate.TryGetProperty("texts", out var texts) || texts.ValueKind == JsonValueKind.Null).ShouldBeTrue();
        var body = feedback.GetRawText();
        body.ShouldNotContain("予算");
        body.ShouldNotContain("大阪市");

        var page = await (await toyonaka.GetAsync($"/osaka/surveys/{id}/feedback/{Toyonaka}")).Content.ReadAsStringAsync();
        page.ShouldContain("豊中市 の回答");
        page.ShouldContain("中央値より小さい");

        // Another 団体's 還元 (千早赤阪村 is on the roster too): 403, on the API and the page.
        (await (await toyonaka.GetAsync($"/api/v1/osaka/surveys/{id}/feedback/{Chihayaakasaka}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden))
            .Detail()!.ShouldContain("ほかの団体の回答は見られません");
        (await toyonaka.GetAsync($"/osaka/surveys/{id}/feedback/{Chihayaakasaka}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Nor the staff's per-question results.
        await (await toyonaka.GetAsync($"/api/v1/osaka/surveys/{id}/results")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_confidential_survey_sends_nothing_back_and_an_open_one_waits_for_its_close()
    {
        var confidential = await AnsweredAsync(confidential: true);
        var open = await AnsweredAsync(SurveyState.Published);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        (await (await toyonaka.GetAsync($"/api/v1/osaka/surveys/{confidential}/feedback/{Toyonaka}")).ShouldBeProblemAsync(HttpStatusCode.NotFound))
            .Detail().ShouldBe("この照会は非公開扱いのため、集計結果の還元はありません。");
        (await (await toyonaka.GetAsync($"/api/v1/osaka/surveys/{open}/feedback/{Toyonaka}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden))
            .Detail().ShouldBe("集計結果は照会の締切後に還元されます。締切までお待ちください。");
        var page = await toyonaka.GetAsync($"/osaka/surveys/{confidential}/feedback/{Toyonaka}");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).ShouldContain("非公開扱い");

        // A 団体 not on the roster does not even learn the survey exists; kyoto never finds it.
        await App.CreateUserAsync("osaka", "ikeda.results@osaka.example", "Ikeda-Results-2026!", Ikeda, DxCollab.Platform.Identity.Roles.MunicipalOfficer);
        using var ikeda = await App.SignInAsync("osaka", "ikeda.results@osaka.example", "Ikeda-Results-2026!");
        await (await ikeda.GetAsync($"/api/v1/osaka/surveys/{open - 1}/feedback/{Toyonaka}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var kyoto = await App.SignInAsync("kyoto", "kasagi@kyoto.example");
        await (await kyoto.GetAsync($"/api/v1/kyoto/surveys/{confidential}/feedback/{Toyonaka}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_FollowUpResults(SqliteAppFixture fixture) : FollowUpResultsTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_FollowUpResults(PostgresAppFixture fixture) : FollowUpResultsTests(fixture);
