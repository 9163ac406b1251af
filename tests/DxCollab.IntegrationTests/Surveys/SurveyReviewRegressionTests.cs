using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Text;
using DxCollab.Surveys.Domain;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Surveys.RelayTestData;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>What the 照会 review found, as a user would notice it: a vote built as a draft publishes and tells its members,
/// a relay tells the municipalities, a deadline moved later outlives a granted extension, null answers and form items are
/// refused or accepted but never a 500, a relayed survey's national sections stay national, 還元 hides min/max, a closed
/// survey cannot be returned, and 差戻し stays visible on the status board.</summary>
public abstract class SurveyReviewRegressionTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Api = "/api/v1/osaka/surveys";
    private const string Admin = "pref.admin@osaka.example", ToyonakaOfficer = "toyonaka@osaka.example";
    private const string Toyonaka = "272035", Chihayaakasaka = "273830", Osakashi = "271004", OsakaPrefecture = "270008";

    private static DateOnly Today => JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);

    /// <summary>A 開庁日 about <paramref name="days"/> days ahead.</summary>
    private DateOnly OpenDay(int days) =>
        App.Factory.Services.GetRequiredService<BusinessCalendar>().MoveDeadline(Today.AddDays(days), DeadlineShift.Later);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement[]> InboxAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/osaka/notifications?pageSize=100")).GetProperty("items").EnumerateArray().ToArray();

    private static string Origin(JsonElement section) => section.GetProperty("origin") is var o && o.ValueKind == JsonValueKind.String
        ? o.GetString()!
        : o.GetInt32() == 2 ? "National" : "Prefecture";

    [Fact]
    public async Task A_vote_built_as_a_draft_publishes_tells_its_members_and_shows_them_on_the_roster_but_never_takes_the_prefecture()
    {
        using var osaka = await App.SignInAsync("osaka", Admin);
        object Vote(params string[] members) => new
        {
            title = "大阪府市町村DX推進協議会 書面会議（下書き）", deadline = OpenDay(14).ToString("yyyy-MM-dd"), publish = false, members,
            items = new[] { new { title = "規約の改正（案）", description = (string?)null } },
        };
        using (var withPrefecture = await osaka.PostAsJsonAsync($"{Api}/votes", Vote(Toyonaka, OsakaPrefecture)))
            (await withPrefecture.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("members").ShouldContain(OsakaPrefecture);

        var built = await JsonAsync(await osaka.PostAsJsonAsync($"{Api}/votes", Vote(Toyonaka, Chihayaakasaka)), HttpStatusCode.Created);
        var id = built.GetProperty("id").GetInt64();
        built.GetProperty("state").GetString().ShouldBe("Draft");
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaOfficer);
        (await InboxAsync(toyonaka)).ShouldNotContain(n => n.GetProperty("link").GetString()!.Contains($"/surveys/{id}"));

        var published = await JsonAsync(await osaka.PostAsync($"{Api}/{id}/publish", null));
        published.GetProperty("state").GetString().ShouldBe("Published");
        (await InboxAsync(toyonaka)).ShouldContain(n => n.GetProperty("title").GetString()!.Contains("回答をお願いします")
            && n.GetProperty("link").GetString()!.Contains($"/surveys/{id}") && !n.GetProperty("isRead").GetBoolean());
        var roster = await JsonAsync(await osaka.GetAsync($"{Api}/{id}/roster"));
        roster.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ShouldBe([Toyonaka, Chihayaakasaka], ignoreOrder: true);
        using (var again = await osaka.PostAsync($"{Api}/{id}/publish", null)) await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Relaying_a_national_survey_tells_the_municipal_officers_and_a_second_relay_is_refused()
    {
        using var national = await App.SignInAsync(null, "national@dxcollab.example");
        var nationalId = await IssueAsync(national, NationalSurvey("中継通知の確認調査"));
        using var osaka = await App.SignInAsync("osaka", Admin);
        await ReceivedAsync(osaka, "osaka", nationalId);
        var surveyId = await RelayTests.RelayAsync(osaka, "osaka", nationalId);

        using var toyonaka = await App.SignInAsync("osaka", ToyonakaOfficer);
        (await InboxAsync(toyonaka)).ShouldContain(n => n.GetProperty("title").GetString()!.Contains("中継通知の確認調査")
            && n.GetProperty("link").GetString()!.Contains($"/surveys/{surveyId}") && !n.GetProperty("isRead").GetBoolean());
        using (var again = await osaka.PostAsJsonAsync($"{Api}/national/{nationalId}/relay", new { }))
            await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_deadline_moved_later_than_a_granted_extension_lets_the_body_save_after_the_extension_has_passed()
    {
        var survey = await App.CreateSurveyAsync("osaka", [Toyonaka], deadlineInDays: -5);
        var passedExtension = Today.AddDays(-1);
        await App.UpdateResponseAsync("osaka", survey, Toyonaka, r => r.ExtendedDeadline = passedExtension);
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaOfficer);
        using (var late = await toyonaka.PutAsJsonAsync($"{Api}/{survey}/responses/{Toyonaka}", new { version = 0, answers = new { memo = new { value = "遅れ" } } }))
            await late.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        using var osaka = await App.SignInAsync("osaka", Admin);
        var later = OpenDay(20);
        await JsonAsync(await osaka.PutAsJsonAsync($"{Api}/{survey}", new
        {
            title = "生成AIの利用状況調査", purpose = "生成AIの利用状況を把握するため", legalBasis = "地方自治法第245条の4", contact = "DX推進課 06-0000-0000",
            deadline = later.ToString("yyyy-MM-dd"), isConfidential = false,
        }));

        var view = await JsonAsync(await toyonaka.GetAsync($"{Api}/{survey}/responses/{Toyonaka}"));
        view.GetProperty("effectiveDeadline").GetString().ShouldBe(later.ToString("yyyy-MM-dd"));
        view.GetProperty("lockedReason").ValueKind.ShouldBe(JsonValueKind.Null);
        var saved = await JsonAsync(await toyonaka.PutAsJsonAsync($"{Api}/{survey}/responses/{Toyonaka}",
            new { version = view.GetProperty("version").GetInt32(), answers = new { memo = new { value = "期限の延長後に保存" } } }));
        saved.GetProperty("state").GetString().ShouldBe("Drafting");
        var detail = await JsonAsync(await toyonaka.GetAsync($"{Api}/{survey}"));
        detail.GetProperty("ownDeadline").GetString().ShouldBe(later.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task Null_answers_null_table_rows_and_null_form_items_never_give_a_500()
    {
        var survey = await App.SurveyAsync("osaka", OpenDay(30));
        await App.ResponseAsync("osaka", survey, Toyonaka);
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaOfficer);
        var path = $"{Api}/{survey}/responses/{Toyonaka}";

        var noted = await JsonAsync(await toyonaka.PutAsJsonAsync(path, new { version = 0, answers = new { note = new { value = "課題あり" } } }));
        using (var nulled = await toyonaka.PutAsync(path, JsonContent(
                   Versioned(noted, """{"note":null}"""))))
        {
            nulled.IsSuccessStatusCode.ShouldBeTrue(await nulled.Content.ReadAsStringAsync());
            var body = JsonDocument.Parse(await nulled.Content.ReadAsStringAsync()).RootElement;
            (!body.GetProperty("answers").TryGetProperty("note", out var note) || note.ValueKind == JsonValueKind.Null
                || !note.TryGetProperty("value", out var text) || text.ValueKind == JsonValueKind.Null).ShouldBeTrue(body.GetRawText());
        }
        var current = await JsonAsync(await toyonaka.GetAsync(path));
        using (var nullRow = await toyonaka.PutAsync(path, JsonContent(
                   Versioned(current, """{"cost":{"cells":{"juki":null,"zei":{"yearly":"50"}}}}"""))))
            nullRow.IsSuccessStatusCode.ShouldBeTrue(await nullRow.Content.ReadAsStringAsync());
        (await JsonAsync(await toyonaka.GetAsync(path))).GetProperty("answers").GetProperty("cost").GetProperty("cells").GetProperty("zei")
            .GetProperty("yearly").GetString().ShouldBe("50");

        var draft = await App.CreateSurveyAsync("osaka", [Toyonaka], SurveyState.Draft);
        using var osaka = await App.SignInAsync("osaka", Admin);
        foreach (var form in new[]
                 {
                     """{"sections":[{"key":"","title":"基本","questions":[null,{"key":"","type":"YesNo","text":"生成AIを利用していますか"}]}]}""",
                     """{"sections":[null,{"key":"","title":"基本","questions":[{"key":"","type":"SingleChoice","text":"用途","options":[null,{"value":"doc","label":"文書作成"}]}]}]}""",
                     """{"sections":[{"key":"","title":"基本","questions":null}]}""",
                 })
        {
            using var response = await osaka.PutAsync($"{Api}/{draft}/form", JsonContent(form));
            var body = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode < 300 || response.StatusCode == HttpStatusCode.BadRequest).ShouldBeTrue($"{(int)response.StatusCode} for {form}: {body}");
        }
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static string Versioned(JsonElement response, string answers) =>
        "{\"version\":" + response.GetProperty("version").GetInt32() + ",\"answers\":" + answers + "}";

    [Fact]
    public async Task Saving_a_relayed_survey_s_form_without_origins_keeps_its_national_sections_national_and_answers_still_reach_the_nation()
    {
        using var national = await App.SignInAsync(null, "national@dxcollab.example");
        var nationalId = await IssueAsync(national, NationalSurvey("起源保持の確認調査"));
        using var osaka = await App.SignInAsync("osaka", Admin);
        await ReceivedAsync(osaka, "osaka", nationalId);
        var surveyId = await RelayTests.RelayAsync(osaka, "osaka", nationalId);

        var detail = await JsonAsync(await osaka.GetAsync($"{Api}/{surveyId}"));
        var form = JsonNode.Parse(detail.GetProperty("form").GetRawText())!.AsObject();
        foreach (var section in form["sections"]!.AsArray()) section!.AsObject().Remove("origin");
        await JsonAsync(await osaka.PutAsync($"{Api}/{surveyId}/form", JsonContent(form.ToJsonString())));

        var after = await JsonAsync(await osaka.GetAsync($"{Api}/{surveyId}"));
        after.GetProperty("form").GetProperty("sections").EnumerateArray().Select(s => $"{s.GetProperty("key").GetString()}:{Origin(s)}")
            .ShouldBe(["ai:National", "cio:National", "osaka-own:Prefecture"]);

        await SubmitAsync(App, "osaka", surveyId, Toyonaka, new() { ["ai-use"] = Value("yes"), ["cio-staff"] = Value("35"), ["osaka-secret"] = Value("府内限り") });
        var result = await EventuallyAsync(async () =>
        {
            var r = await national.GetFromJsonAsync<JsonElement>($"{NationalPath}/{nationalId}");
            var prefectures = r.GetProperty("prefectures").EnumerateArray().ToList();
            return prefectures.Count == 1 && prefectures[0].GetProperty("respondents").GetInt32() == 1 ? r : (JsonElement?)null;
        }, "osaka's answer reaches the national result");
        var figures = result.GetProperty("prefectures")[0].GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);
        figures["cio-staff"].GetProperty("sum").GetDecimal().ShouldBe(35);
        result.GetRawText().ShouldNotContain("府内限り");
    }

    [Fact]
    public async Task Feedback_of_a_closed_survey_hides_min_and_max_while_the_staff_results_show_them()
    {
        var id = await App.SurveyAsync("osaka", new DateOnly(2031, 7, 22), SurveyState.Closed);
        await App.ResponseAsync("osaka", id, Toyonaka, ResponseState.Submitted, FollowUpTestData.Answers("yes", ["chat"], "12"));
        await App.ResponseAsync("osaka", id, Osakashi, ResponseState.Submitted, FollowUpTestData.Answers("no", staff: "287"));
        await App.ResponseAsync("osaka", id, Chihayaakasaka, ResponseState.Submitted, FollowUpTestData.Answers("no", staff: "20"));

        using var toyonaka = await App.SignInAsync("osaka", ToyonakaOfficer);
        var feedback = await JsonAsync(await toyonaka.GetAsync($"{Api}/{id}/feedback/{Toyonaka}"));
        var numbers = feedback.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == "staff")
            .GetProperty("aggregate").GetProperty("numbers");
        numbers.GetProperty("median").GetDecimal().ShouldBe(20m);
        (!numbers.TryGetProperty("min", out var min) || min.ValueKind == JsonValueKind.Null).ShouldBeTrue(numbers.GetRawText());
        (!numbers.TryGetProperty("max", out var max) || max.ValueKind == JsonValueKind.Null).ShouldBeTrue(numbers.GetRawText());

        using var staff = await App.SignInAsync("osaka", Admin);
        var results = await JsonAsync(await staff.GetAsync($"{Api}/{id}/results"));
        var all = results.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == "staff").GetProperty("numbers");
        (all.GetProperty("min").GetDecimal(), all.GetProperty("max").GetDecimal()).ShouldBe((12m, 287m));
    }

    // The bins have round edges (0〜100未満 …), so the largest 団体's own figure is not an edge of the distribution.
    [Fact]
    public async Task Feedback_does_not_give_away_min_or_max_through_the_histogram_edges()
    {
        var id = await App.SurveyAsync("osaka", new DateOnly(2031, 7, 22), SurveyState.Closed);
        await App.ResponseAsync("osaka", id, Toyonaka, ResponseState.Submitted, FollowUpTestData.Answers("yes", ["chat"], "12"));
        await App.ResponseAsync("osaka", id, Osakashi, ResponseState.Submitted, FollowUpTestData.Answers("no", staff: "287"));
        await App.ResponseAsync("osaka", id, Chihayaakasaka, ResponseState.Submitted, FollowUpTestData.Answers("no", staff: "20"));
        using var toyonaka = await App.SignInAsync("osaka", ToyonakaOfficer);
        var feedback = await JsonAsync(await toyonaka.GetAsync($"{Api}/{id}/feedback/{Toyonaka}"));
        var numbers = feedback.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == "staff")
            .GetProperty("aggregate").GetProperty("numbers");
        numbers.GetRawText().ShouldNotContain("287", Case.Sensitive, numbers.GetRawText()); // 大阪市's own figure
    }

    [Fact]
    public async Task A_submitted_answer_of_a_closed_survey_cannot_be_returned()
    {
        var id = await App.SurveyAsync("osaka", Today.AddDays(-3), SurveyState.Closed);
        await App.ResponseAsync("osaka", id, Toyonaka, ResponseState.Submitted, FollowUpTestData.Answers("no", staff: "12"));
        using var staff = await App.SignInAsync("osaka", Admin);
        using var refused = await staff.PostAsJsonAsync($"{Api}/{id}/responses/{Toyonaka}/return", new { comment = "職員数を確認してください。" });
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Detail()!.ShouldContain("差戻し");
        (await JsonAsync(await staff.GetAsync($"{Api}/{id}/responses/{Toyonaka}"))).GetProperty("state").GetString().ShouldBe("Submitted");
    }

    [Fact]
    public async Task A_returned_answer_with_an_extended_deadline_shows_as_returned_on_the_status_board()
    {
        var id = await App.SurveyAsync("osaka", OpenDay(10));
        var extended = OpenDay(20);
        await App.ResponseAsync("osaka", id, Toyonaka, ResponseState.Returned, FollowUpTestData.Answers("no", staff: "12"), extendedDeadline: extended,
            lastActivity: DateTime.UtcNow, by: Admin);
        await App.ResponseAsync("osaka", id, Chihayaakasaka, ResponseState.Drafting, FollowUpTestData.Answers("no"), extendedDeadline: extended,
            lastActivity: DateTime.UtcNow, by: "chihayaakasaka@osaka.example");
        using var staff = await App.SignInAsync("osaka", Admin);
        var board = await JsonAsync(await staff.GetAsync($"{Api}/{id}/status"));
        var rows = board.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        (rows[Toyonaka].GetProperty("status").GetString(), rows[Toyonaka].GetProperty("statusName").GetString()).ShouldBe(("returned", "差戻し"));
        rows[Toyonaka].GetProperty("deadline").GetString().ShouldBe(extended.ToString("yyyy-MM-dd"));
        rows[Chihayaakasaka].GetProperty("status").GetString().ShouldBe("extended");
        var returned = await JsonAsync(await staff.GetAsync($"{Api}/{id}/status?state=returned"));
        returned.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ShouldBe([Toyonaka]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_SurveyReviewRegression(SqliteAppFixture fixture) : SurveyReviewRegressionTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_SurveyReviewRegression(PostgresAppFixture fixture) : SurveyReviewRegressionTests(fixture);
