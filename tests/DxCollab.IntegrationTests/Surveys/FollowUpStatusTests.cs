using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Surveys.FollowUpTestData;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>The status board and 「今すぐ督促」: every roster entry with its state (期限延長 included), last activity and
/// business days left; reminding now reaches the officers of every 団体 not submitted and never a submitted one; only the
/// prefecture's staff follow up (officer and expert 403, another prefecture 404).</summary>
public abstract class FollowUpStatusTests(AppFixture fixture) : AppTest(fixture)
{
    private static readonly DateTime Yesterday = DateTime.UtcNow.AddDays(-1);

    private async Task<long> RosterAsync(DateOnly deadline, SurveyState state = SurveyState.Published)
    {
        var id = await App.SurveyAsync("osaka", deadline, state);
        await App.ResponseAsync("osaka", id, Toyonaka, ResponseState.Drafting, Answers("yes"), lastActivity: Yesterday, by: "豊中 太郎");
        await App.ResponseAsync("osaka", id, Chihayaakasaka, ResponseState.Submitted, Answers("no"), lastActivity: Yesterday, by: "千早 花子");
        await App.ResponseAsync("osaka", id, Ikeda, ResponseState.NotStarted, extendedDeadline: deadline.AddDays(14));
        await App.ResponseAsync("osaka", id, Suita, ResponseState.Returned, Answers("no"), lastActivity: Yesterday.AddHours(-2), by: "吹田 次郎");
        await App.ResponseAsync("osaka", id, Osakashi);
        var department = await App.DepartmentAsync("osaka", "デジタル推進課");
        await App.ResponseAsync("osaka", id, SurveyResponse.DepartmentCode(department));
        return id;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Staff_see_every_roster_entry_with_its_state_including_期限延長_and_filter_and_sort_it()
    {
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var id = await RosterAsync(deadline);
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");

        var board = await JsonAsync(await staff.GetAsync($"/api/v1/osaka/surveys/{id}/status"));
        var rows = board.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => (r.GetProperty("code").GetString(), r.GetProperty("statusName").GetString())).ShouldBe(
        [
            (Osakashi, "未着手"), (Toyonaka, "回答中"), (Ikeda, "期限延長"), (Suita, "差戻し"), (Chihayaakasaka, "提出済"), (rows[^1].GetProperty("code").GetString(), "未着手"),
        ]);
        rows[^1].GetProperty("name").GetString().ShouldBe("デジタル推進課");
        rows[^1].GetProperty("category").GetString().ShouldBe("都道府県の部局");
        var toyonaka = rows.Single(r => r.GetProperty("code").GetString() == Toyonaka);
        toyonaka.GetProperty("name").GetString().ShouldBe("豊中市");
        toyonaka.GetProperty("category").GetString().ShouldBe("中核市");
        toyonaka.GetProperty("lastActivityBy").GetString().ShouldBe("豊中 太郎");
        toyonaka.GetProperty("businessDaysLeft").GetInt32().ShouldBeGreaterThan(15);
        var ikeda = rows.Single(r => r.GetProperty("code").GetString() == Ikeda);
        ikeda.GetProperty("deadline").GetString().ShouldBe(deadline.AddDays(14).ToString("yyyy-MM-dd"));
        ikeda.GetProperty("businessDaysLeft").GetInt32().ShouldBeGreaterThan(toyonaka.GetProperty("businessDaysLeft").GetInt32());
        rows.Single(r => r.GetProperty("code").GetString() == Chihayaakasaka).GetProperty("businessDaysLeft").ValueKind.ShouldBe(JsonValueKind.Null);
        board.GetProperty("counts").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("count").GetInt32()))
            .ShouldBe([("未着手", 2), ("回答中", 1), ("差戻し", 1), ("期限延長", 1), ("提出済", 1)]);

        var notSubmitted = await JsonAsync(await staff.GetAsync($"/api/v1/osaka/surveys/{id}/status?state=not-submitted&category=CoreCity&sort=name"));
        notSubmitted.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ShouldBe(["吹田市", "豊中市"]);
        var byActivity = await JsonAsync(await staff.GetAsync($"/api/v1/osaka/surveys/{id}/status?sort=activity&desc=true"));
        byActivity.GetProperty("rows")[0].GetProperty("code").GetString().ShouldBeOneOf(Toyonaka, Chihayaakasaka);

        (await (await staff.GetAsync($"/api/v1/osaka/surveys/{id}/status?state=late")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("state").ShouldContain("not-submitted");
        (await (await staff.GetAsync($"/api/v1/osaka/surveys/{id}/status?sort=size")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("sort").ShouldContain("並び順");
    }

    [Fact]
    public async Task Business_days_left_count_tokyo_business_days_and_turn_negative_after_the_deadline()
    {
        // Deadline Tue 2031-07-22; Mon 7-21 is 海の日.
        var id = await RosterAsync(new DateOnly(2031, 7, 22));
        StatusBoardView Board(DateTimeOffset now) => App.InTenantAsync("osaka", async sp =>
        {
            var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, Roles.PrefectureStaff)], "test"));
            return (await sp.With<StatusBoard>(new FixedClock(now)).GetAsync(user, id, new StatusQuery(), default)).Value!;
        }).GetAwaiter().GetResult();
        int Left(StatusBoardView b) => b.Rows.Single(r => r.Code == Toyonaka).BusinessDaysLeft!.Value;

        Left(Board(FixedClock.Tokyo(2031, 7, 17))).ShouldBe(2);          // Fri 18, Tue 22
        Left(Board(FixedClock.Tokyo(2031, 7, 18))).ShouldBe(1);
        // 7-21 15:30 UTC is already 7-22 in Tokyo: the day itself.
        Left(Board(new DateTimeOffset(2031, 7, 21, 15, 30, 0, TimeSpan.Zero))).ShouldBe(0);
        Left(Board(FixedClock.Tokyo(2031, 7, 25))).ShouldBe(-3);         // Wed 23, Thu 24, Fri 25
        Board(FixedClock.Tokyo(2031, 7, 25)).Rows.Single(r => r.Code == Ikeda).BusinessDaysLeft.ShouldBe(7); // extended to 8-5
    }

    [Fact]
    public async Task Remind_now_tells_every_organisation_not_submitted_once_and_never_a_submitted_one()
    {
        var id = await RosterAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20));
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var response = await staff.PostAsync($"/api/v1/osaka/surveys/{id}/reminders", null);
        var result = await JsonAsync(response);
        result.GetProperty("reminded").GetInt32().ShouldBe(1); // 豊中市: the only not-submitted 団体 with officers
        result.GetProperty("withoutOfficers").EnumerateArray().Select(e => e.GetString()).ShouldBe(["大阪市", "池田市", "吹田市"]);

        var told = (await App.InboxAsync("osaka", "toyonaka@osaka.example")).Where(n => n.Link == $"/osaka/surveys/{id}/answer/{Toyonaka}").ToList();
        told.Count.ShouldBe(1);
        told[0].Title.ShouldBe("照会「生成AIの利用状況調査」の回答をお願いします（豊中市）");
        told[0].Body.ShouldContain("都道府県の担当者からの督促です。");
        told[0].Link.ShouldBe($"/osaka/surveys/{id}/answer/{Toyonaka}");
        (await App.InboxAsync("osaka", "chihayaakasaka@osaka.example")).ShouldNotContain(n => n.Title.Contains("生成AIの利用状況調査"));
        var events = await App.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>().Set<SurveyResponseEvent>()
            .Where(e => e.SurveyId == id && e.Kind == ResponseEventKind.Reminded).Join(
                sp.GetRequiredService<DxCollabDbContext>().Set<SurveyResponse>(), e => e.ResponseId, r => r.Id, (e, r) => r.RespondentCode).ToListAsync());
        events.ShouldBe([Toyonaka]);

        // A reminder is not the respondent's activity: the board still shows 豊中 太郎 last.
        var board = await JsonAsync(await staff.GetAsync($"/api/v1/osaka/surveys/{id}/status?state=drafting"));
        board.GetProperty("rows")[0].GetProperty("lastActivityBy").GetString().ShouldBe("豊中 太郎");

        var closed = await RosterAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-5), SurveyState.Closed);
        (await (await staff.PostAsync($"/api/v1/osaka/surveys/{closed}/reminders", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .Detail().ShouldBe("督促できるのは回答受付中の照会だけです。");
    }

    [Fact]
    public async Task Only_the_prefectures_staff_follow_up_an_officer_and_an_expert_get_403_and_kyoto_never_finds_osakas_survey()
    {
        var id = await RosterAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20));
        using var officer = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        foreach (var path in new[] { "status", "results", "export?format=xlsx", "files.zip" })
            (await (await officer.GetAsync($"/api/v1/osaka/surveys/{id}/{path}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden))
                .Detail().ShouldBe("回答状況・集計・書き出しは都道府県の職員だけが見られます。");
        await (await officer.PostAsync($"/api/v1/osaka/surveys/{id}/reminders", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await App.InboxAsync("osaka", "toyonaka@osaka.example")).ShouldNotContain(n => n.Link == $"/osaka/surveys/{id}/answer/{Toyonaka}");

        await App.CreateUserAsync("osaka", "expert.followup@osaka.example", "Expert-FollowUp-2026!", null, Roles.Expert);
        using var expert = await App.SignInAsync("osaka", "expert.followup@osaka.example", "Expert-FollowUp-2026!");
        (await expert.GetAsync($"/api/v1/osaka/surveys/{id}/status")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await expert.GetAsync($"/api/v1/osaka/surveys/{id}/feedback/{Toyonaka}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        foreach (var path in new[] { "status", "results", "export?format=xlsx", "export?format=csv", "files.zip" })
            await (await kyoto.GetAsync($"/api/v1/kyoto/surveys/{id}/{path}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kyoto.PostAsync($"/api/v1/kyoto/surveys/{id}/reminders", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await App.InboxAsync("osaka", "toyonaka@osaka.example")).ShouldNotContain(n => n.Link == $"/osaka/surveys/{id}/answer/{Toyonaka}");
    }

    [Fact]
    public async Task The_status_page_filters_未提出_and_its_button_reminds_without_javascript()
    {
        var id = await RosterAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20));
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var html = await (await staff.GetAsync($"/osaka/surveys/{id}/status?state=not-submitted")).Content.ReadAsStringAsync();
        html.ShouldContain("未提出の団体に今すぐ督促");
        html.ShouldContain("data-code=\"272035\"");
        html.ShouldNotContain("data-code=\"273830\"");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_FollowUpStatus(SqliteAppFixture fixture) : FollowUpStatusTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_FollowUpStatus(PostgresAppFixture fixture) : FollowUpStatusTests(fixture);
