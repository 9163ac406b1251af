using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Surveys.Contracts;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Surveys.RelayTestData;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>全国照会 end to end on the host's bus (in memory here; <see cref="RelayRabbitMqTests"/> goes through RabbitMQ):
/// a NationalViewer issues, every prefecture receives, osaka relays with a question of its own, a municipality submits,
/// and the national side sees osaka's figures for the national questions only; a correction after the 速報 shows which
/// figures changed, and 確報 follows.</summary>
public abstract class RelayTests(AppFixture fixture) : AppTest(fixture)
{
    internal static async Task<long> RelayAsync(HttpClient staff, string tenant, Guid nationalId)
    {
        using var response = await staff.PostAsJsonAsync($"/api/v1/{tenant}/surveys/national/{nationalId}/relay", new
        {
            ownSections = new object[]
            {
                new { key = "osaka-own", title = "大阪府独自の設問", questions = new object[]
                {
                    new { key = "osaka-secret", type = "ShortText", text = "府への要望（府内限り）" },
                } },
            },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("sections").GetInt32().ShouldBe(3);
        return body.GetProperty("surveyId").GetInt64();
    }

    [Fact]
    public async Task A_national_survey_reaches_osaka_is_relayed_and_only_the_national_answers_come_back()
    {
        using var national = await App.SignInAsync(null, "national@dxcollab.example");
        var nationalId = await IssueAsync(national);
        using var osaka = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        (await ReceivedAsync(osaka, "osaka", nationalId)).GetProperty("surveyId").ValueKind.ShouldBe(JsonValueKind.Null);
        await ReceivedAsync(kyoto, "kyoto", nationalId);

        var surveyId = await RelayAsync(osaka, "osaka", nationalId);
        var (roster, sections) = await App.InTenantAsync("osaka", async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var survey = await db.Set<Survey>().AsNoTracking().SingleAsync(s => s.Id == surveyId);
            survey.NationalSurveyId.ShouldBe(nationalId);
            survey.State.ShouldBe(SurveyState.Published);
            return (await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == surveyId),
                survey.Form.Sections.Select(s => $"{s.Key}:{s.Origin}").ToList());
        });
        roster.ShouldBe(43); // every municipality of osaka, not the prefecture itself
        sections.ShouldBe(["ai:National", "cio:National", "osaka-own:Prefecture"]);
        // Relaying twice is refused; kyoto's copy stays its own (not relayed).
        using (var again = await osaka.PostAsJsonAsync($"/api/v1/osaka/surveys/national/{nationalId}/relay", new { }))
            await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await ReceivedAsync(kyoto, "kyoto", nationalId)).GetProperty("surveyId").ValueKind.ShouldBe(JsonValueKind.Null);

        await SubmitAsync(App, "osaka", surveyId, "272035", new()
        {
            ["ai-use"] = Value("yes"), ["ai-staff"] = Value("1200"), ["cio-staff"] = Value("35"), ["osaka-secret"] = Value("府内だけの要望"),
        });
        await SubmitAsync(App, "osaka", surveyId, "273830", new() { ["ai-use"] = Value("no"), ["cio-staff"] = Value("2") });

        var result = await EventuallyAsync(async () =>
        {
            var r = await national.GetFromJsonAsync<JsonElement>($"{NationalPath}/{nationalId}");
            var prefectures = r.GetProperty("prefectures").EnumerateArray().ToList();
            return prefectures.Count == 1 && prefectures[0].GetProperty("respondents").GetInt32() == 2 ? r : (JsonElement?)null;
        }, "osaka's two answers reach the national result");
        var raw = result.GetRawText();
        raw.ShouldNotContain("osaka-secret");
        raw.ShouldNotContain("府内だけの要望");
        raw.ShouldNotContain("府への要望");
        var osakaFigures = result.GetProperty("prefectures")[0];
        osakaFigures.GetProperty("prefectureId").GetString().ShouldBe("osaka");
        osakaFigures.GetProperty("stage").GetString().ShouldBe("速報");
        var figures = osakaFigures.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);
        figures.Keys.ShouldBe(["ai-use", "ai-staff", "cio-staff"], ignoreOrder: true);
        figures["cio-staff"].GetProperty("sum").GetDecimal().ShouldBe(37);
        figures["ai-use"].GetProperty("counts").EnumerateArray().Select(c => c.GetProperty("count").GetInt32()).ShouldBe([1, 0, 1]);
        result.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("key").GetString()).ShouldBe(["ai-use", "ai-staff", "cio-staff"]);

        // A correction after the 速報 (差戻し and resubmission): the national side sees which figure changed.
        await ReturnAsync(osaka, "osaka", surveyId, "273830");
        await SubmitAsync(App, "osaka", surveyId, "273830", new() { ["ai-use"] = Value("trial"), ["osaka-secret"] = Value("変更") });
        var changes = await EventuallyAsync(async () =>
        {
            var c = await national.GetFromJsonAsync<JsonElement>($"{NationalPath}/{nationalId}/changes");
            return c.GetArrayLength() > 0 ? c : (JsonElement?)null;
        }, "the correction is recorded");
        changes.GetArrayLength().ShouldBe(1);
        var change = changes[0];
        (change.GetProperty("respondentCode").GetString(), change.GetProperty("questionKey").GetString(), change.GetProperty("before").GetString(),
            change.GetProperty("after").GetString(), change.GetProperty("prefecture").GetString()).ShouldBe(("273830", "ai-use", "no", "trial", "大阪府"));

        // 確報.
        using (var final = await osaka.PostAsync($"/api/v1/osaka/surveys/national/{nationalId}/final", null))
        {
            final.StatusCode.ShouldBe(HttpStatusCode.OK, await final.Content.ReadAsStringAsync());
            (await final.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stage").GetString().ShouldBe("確報");
        }
        await EventuallyAsync<string>(async () =>
        {
            var r = await national.GetFromJsonAsync<JsonElement>($"{NationalPath}/{nationalId}");
            return r.GetProperty("prefectures")[0].GetProperty("stage").GetString() == "確報" ? "ok" : null;
        }, "osaka's figures become 確報");
    }

    /// <summary>osaka relays the national survey and 豊中市 submits 35 職員 through the API; waits for its 速報 nationally.</summary>
    private async Task<long> RelayedWithToyonakasFigureAsync(HttpClient national, HttpClient osaka, Guid nationalId)
    {
        await ReceivedAsync(osaka, "osaka", nationalId);
        var surveyId = await RelayAsync(osaka, "osaka", nationalId);
        await SubmitAsync(App, "osaka", surveyId, "272035", new() { ["ai-use"] = Value("yes"), ["cio-staff"] = Value("35") });
        await EventuallyAsync(async () =>
        {
            var r = await national.GetFromJsonAsync<JsonElement>($"{NationalPath}/{nationalId}");
            return r.GetProperty("prefectures").GetArrayLength() == 1 ? r : (JsonElement?)null;
        }, "toyonaka's 速報 reaches the national result");
        return surveyId;
    }

    [Fact]
    public async Task A_closed_relayed_survey_is_reopened_a_corrected_figure_reaches_the_national_side_and_closing_again_declares_it_final()
    {
        using var national = await App.SignInAsync(null, "national@dxcollab.example");
        var nationalId = await IssueAsync(national, NationalSurvey("再開による修正の確認調査"));
        using var osaka = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var surveyId = await RelayedWithToyonakasFigureAsync(national, osaka, nationalId);
        var surveys = $"/api/v1/osaka/surveys/{surveyId}";
        using (var closed = await osaka.PostAsync($"{surveys}/close", null)) closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());

        // Closed: no 差戻し until the survey is reopened.
        using (var r = await osaka.PostAsJsonAsync($"{ResponsePath("osaka", surveyId, "272035")}/return", new { comment = "修正してください" }))
            await r.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        using (var reopened = await osaka.PostAsJsonAsync($"{surveys}/reopen", new { reason = "豊中市の職員数の誤りを直すため" }))
        {
            reopened.StatusCode.ShouldBe(HttpStatusCode.OK, await reopened.Content.ReadAsStringAsync());
            (await reopened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("Published");
        }
        (await ReceivedAsync(osaka, "osaka", nationalId)).GetProperty("stage").GetString().ShouldBe("修正中");
        // While reopened, 確報 comes from closing again, not from the 確報 action.
        using (var r = await osaka.PostAsync($"/api/v1/osaka/surveys/national/{nationalId}/final", null))
            (await r.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Detail()!.ShouldContain("締め切ると");

        await ReturnAsync(osaka, "osaka", surveyId, "272035", "情報政策担当部門の職員数を確認してください。");
        await SubmitAsync(App, "osaka", surveyId, "272035", new() { ["cio-staff"] = Value("36") });
        var changes = await EventuallyAsync(async () =>
        {
            var c = await national.GetFromJsonAsync<JsonElement>($"{NationalPath}/{nationalId}/changes");
            return c.GetArrayLength() > 0 ? c : (JsonElement?)null;
        }, "the corrected figure is listed on the national side");
        changes.EnumerateArray().Select(c => (c.GetProperty("respondentCode").GetString(), c.GetProperty("questionKey").GetString(),
            c.GetProperty("before").GetString(), c.GetProperty("after").GetString())).ShouldBe([("272035", "cio-staff", "35", "36")]);
        (await national.GetFromJsonAsync<JsonElement>($"{NationalPath}/{nationalId}")).GetProperty("prefectures")[0].GetProperty("stage").GetString()
            .ShouldBe("速報");

        using (var closed = await osaka.PostAsync($"{surveys}/close", null)) closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        (await ReceivedAsync(osaka, "osaka", nationalId)).GetProperty("stage").GetString().ShouldBe("確報");
        var final = await EventuallyAsync(async () =>
        {
            var r = await national.GetFromJsonAsync<JsonElement>($"{NationalPath}/{nationalId}");
            return r.GetProperty("prefectures")[0].GetProperty("stage").GetString() == "確報" ? r : (JsonElement?)null;
        }, "closing again declares osaka's corrected figures 確報");
        final.GetProperty("prefectures")[0].GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "cio-staff")
            .GetProperty("sum").GetDecimal().ShouldBe(36);
    }

    [Fact]
    public async Task A_確報_that_reaches_the_national_side_before_the_correction_s_own_report_still_makes_the_corrected_figure_final()
    {
        using var national = await App.SignInAsync(null, "national@dxcollab.example");
        var nationalId = await IssueAsync(national, NationalSurvey("確報と修正の到着順の確認調査"));
        using var osaka = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var surveyId = await RelayedWithToyonakasFigureAsync(national, osaka, nationalId);

        // The prefecture's outbox sends a correction's report (through its forwarder) and the 確報 as separate messages,
        // so the 確報 can arrive first: it carries the figures as they stand, and the late report changes nothing.
        var corrected = new AnswerSet { Answers = new Dictionary<string, Answer> { ["ai-use"] = Value("yes"), ["cio-staff"] = Value("36") } }.ToJson();
        var submittedAt = DateTime.UtcNow;
        var bus = App.Factory.Services.GetRequiredService<IBus>();
        await bus.Publish(new NationalFiguresFinalized("osaka", nationalId, submittedAt.AddSeconds(1))
        {
            Figures = [new NationalFigure("272035", "豊中市", corrected, submittedAt)],
        });
        var final = await EventuallyAsync(async () =>
        {
            var r = await national.GetFromJsonAsync<JsonElement>($"{NationalPath}/{nationalId}");
            return r.GetProperty("prefectures")[0].GetProperty("stage").GetString() == "確報" ? r : (JsonElement?)null;
        }, "the 確報 makes osaka's figures final");
        final.GetProperty("prefectures")[0].GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "cio-staff")
            .GetProperty("sum").GetDecimal().ShouldBe(36);

        var lateReport = NewId.NextGuid();
        await bus.Publish(new NationalAnswersReported("osaka", nationalId, "272035", "豊中市", corrected, submittedAt), c => c.MessageId = lateReport);
        await EventuallyAsync(async () =>
        {
            await using var scope = App.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
            return await db.ProcessedMessages.AnyAsync(p => p.MessageId == lateReport) ? "consumed" : null;
        }, "the correction's own report is consumed");
        var after = await national.GetFromJsonAsync<JsonElement>($"{NationalPath}/{nationalId}");
        after.GetProperty("prefectures")[0].GetProperty("stage").GetString().ShouldBe("確報");
        var changes = await national.GetFromJsonAsync<JsonElement>($"{NationalPath}/{nationalId}/changes");
        changes.EnumerateArray().Select(c => (c.GetProperty("questionKey").GetString(), c.GetProperty("before").GetString(), c.GetProperty("after").GetString()))
            .ShouldBe([("cio-staff", "35", "36")]);
    }

    /// <summary>A 団体 whose answer was returned (差戻し) and not resubmitted when the prefecture declared 確報 is not in the
    /// declaration's figures: its earlier figure stays 速報 nationally (the prefecture shows 速報, not every figure final).</summary>
    [Fact]
    public async Task A_確報_leaves_the_figure_of_a_団体_it_does_not_carry_at_速報()
    {
        using var national = await App.SignInAsync(null, "national@dxcollab.example");
        var nationalId = await IssueAsync(national, NationalSurvey("差戻し中の確報の確認調査"));
        using var osaka = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        await RelayedWithToyonakasFigureAsync(national, osaka, nationalId);

        var declaration = NewId.NextGuid();
        await App.Factory.Services.GetRequiredService<IBus>().Publish(
            new NationalFiguresFinalized("osaka", nationalId, DateTime.UtcNow) { Figures = [] }, c => c.MessageId = declaration);
        await EventuallyAsync(async () =>
        {
            await using var scope = App.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
            return await db.ProcessedMessages.AnyAsync(p => p.MessageId == declaration) ? "consumed" : null;
        }, "the 確報 is consumed");
        var result = await national.GetFromJsonAsync<JsonElement>($"{NationalPath}/{nationalId}");
        result.GetProperty("prefectures")[0].GetProperty("stage").GetString().ShouldBe("速報");
    }

    [Fact]
    public async Task Only_national_viewers_issue_and_read_and_only_prefecture_staff_relay()
    {
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using (var r = await toyonaka.GetAsync(NationalPath)) await r.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using (var r = await toyonaka.GetAsync("/api/v1/osaka/surveys/national")) await r.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var osaka = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using (var r = await osaka.PostAsJsonAsync(NationalPath, NationalSurvey())) await r.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await App.CreateUserAsync("osaka", "expert.relay@osaka.example", "Expert-Relay-2026!", null, Roles.Expert);
        using var expert = await App.SignInAsync("osaka", "expert.relay@osaka.example", "Expert-Relay-2026!");
        using (var r = await expert.GetAsync("/api/v1/osaka/surveys/national")) await r.ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var national = await App.SignInAsync(null, "national@dxcollab.example");
        using (var r = await national.PostAsJsonAsync(NationalPath, new { title = "", referenceDate = "2026-04-01", deadline = "2099-01-01" }))
            (await r.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("title").ShouldBe("件名を入力してください。");
        using (var r = await national.PostAsJsonAsync(NationalPath, new { title = "調査", referenceDate = "2026-04-01", deadline = "2099-01-01", sections = Array.Empty<object>() }))
            (await r.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("sections").ShouldContain("設問");
        using (var r = await national.GetAsync($"{NationalPath}/{Guid.NewGuid()}")) await r.ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var nationalId = await IssueAsync(national, NationalSurvey("地方行政サービス改革の取組状況等に関する調査"));
        await ReceivedAsync(osaka, "osaka", nationalId);
        // The prefecture's own question may not reuse a national key; the deadline must fit the national one.
        using (var r = await osaka.PostAsJsonAsync($"/api/v1/osaka/surveys/national/{nationalId}/relay", new
               {
                   ownSections = new object[] { new { key = "own", title = "独自", questions = new object[] { new { key = "ai-use", type = "ShortText", text = "重複" } } } },
               }))
            (await r.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("ownSections").ShouldContain("ai-use");
        using (var r = await osaka.PostAsJsonAsync($"/api/v1/osaka/surveys/national/{nationalId}/relay", new { deadline = "2099-12-31" }))
            (await r.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("deadline").ShouldContain("国への回答期限");
        using (var r = await osaka.PostAsync($"/api/v1/osaka/surveys/national/{nationalId}/final", null))
            await r.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        using (var r = await osaka.PostAsJsonAsync($"/api/v1/osaka/surveys/national/{Guid.NewGuid()}/relay", new { }))
            await r.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_Relay(SqliteAppFixture fixture) : RelayTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_Relay(PostgresAppFixture fixture) : RelayTests(fixture);
