using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.TalentPool.ActivityTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>The activity log through the API: hours roll up against the hours booked per month and the expert's caps per
/// assignment (logging beyond them is refused with the figures), dates stay inside the assignment and not in the future,
/// the first activity starts the support, and who may read and log.</summary>
public abstract class ActivityLogTests(AppFixture fixture) : AppTest(fixture)
{
    private static string Log(long id, string tenant = "osaka") => $"/api/v1/{tenant}/talent/assignments/{id}/activities";

    [Fact]
    public async Task Hours_roll_up_per_month_and_against_the_caps_and_logging_beyond_them_is_refused_with_what_is_left()
    {
        var a = await App.AssignmentAsync(hoursPerMonth: 6);
        using var expert = await App.ExpertClientAsync(a);
        var first = a.StartMonth;
        var next = a.StartMonth.AddMonths(1);

        await JsonAsync(await LogAsync(expert, a.AssignmentId, first.AddDays(1), 3m, "OnSite"), HttpStatusCode.Created);
        var over = await (await LogAsync(expert, a.AssignmentId, first.AddDays(2), 4m, "Online")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        over.Detail()!.ShouldContain("割当は 6 時間で、記録済みは 3 時間です（残り 3 時間）");
        await JsonAsync(await LogAsync(expert, a.AssignmentId, first.AddDays(2), 3m, "OnSite"), HttpStatusCode.Created);

        // Two days on site is the expert's cap for this assignment: a third day is refused, whatever the month.
        var thirdDay = await (await LogAsync(expert, a.AssignmentId, next.AddDays(3), 1m, "OnSite")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        thirdDay.Detail()!.ShouldContain("訪問はこの割当で 2 日まで");
        // 5 hours online is the other cap.
        await JsonAsync(await LogAsync(expert, a.AssignmentId, next.AddDays(3), 4.5m, "Online"), HttpStatusCode.Created);
        var online = await (await LogAsync(expert, a.AssignmentId, next.AddDays(4), 1m, "Online")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        online.Detail()!.ShouldContain("オンライン支援はこの割当で 5 時間までです（記録済み 4.5 時間、残り 0.5 時間）");

        var log = await JsonAsync(await expert.GetAsync(Log(a.AssignmentId)));
        var months = log.GetProperty("months").EnumerateArray().ToList();
        months.Count.ShouldBe(3);
        months[0].GetProperty("usedHours").GetDecimal().ShouldBe(6m);
        months[0].GetProperty("remainingHours").GetDecimal().ShouldBe(0m);
        months[1].GetProperty("usedHours").GetDecimal().ShouldBe(4.5m);
        months[1].GetProperty("remainingHours").GetDecimal().ShouldBe(1.5m);
        log.GetProperty("onSiteDays").GetInt32().ShouldBe(2);
        log.GetProperty("onlineHours").GetDecimal().ShouldBe(4.5m);
        log.GetProperty("activities").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task A_date_outside_the_assignment_or_in_the_future_a_missing_mode_or_summary_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var a = await App.AssignmentAsync();
        using var expert = await App.ExpertClientAsync(a);
        (await (await LogAsync(expert, a.AssignmentId, a.StartMonth.AddDays(-1), 1m, "Online")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("date").ShouldContain("割当の期間");
        (await (await LogAsync(expert, a.AssignmentId, a.Today.AddDays(1), 1m, "Online")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("date").ShouldContain("これから行う活動は記録できません");
        (await (await LogAsync(expert, a.AssignmentId, a.Today, 0m, "Online")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("hours").ShouldNotBeNullOrEmpty();
        (await (await LogAsync(expert, a.AssignmentId, a.Today, 1m, "Either")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("mode").ShouldContain("訪問かオンラインか");
        (await (await LogAsync(expert, a.AssignmentId, a.Today, 1m, "Online", summary: " ")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("summary").ShouldContain("行ったこと");
        (await JsonAsync(await expert.GetAsync(Log(a.AssignmentId)))).GetProperty("activities").GetArrayLength().ShouldBe(0);
        (await JsonAsync(await expert.GetAsync($"/api/v1/osaka/talent/requests/{a.RequestId}"))).GetProperty("state").GetString().ShouldBe("Assigned");
    }

    [Fact]
    public async Task The_first_activity_moves_the_request_to_支援中_as_the_municipality_sees_it_and_starts_the_assignment()
    {
        var a = await App.AssignmentAsync();
        using var expert = await App.ExpertClientAsync(a);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        (await JsonAsync(await toyonaka.GetAsync($"/api/v1/osaka/talent/requests/{a.RequestId}"))).GetProperty("state").GetString().ShouldBe("Assigned");
        await JsonAsync(await LogAsync(expert, a.AssignmentId, a.Today, 1m, "Online"), HttpStatusCode.Created);
        var request = await JsonAsync(await toyonaka.GetAsync($"/api/v1/osaka/talent/requests/{a.RequestId}"));
        request.GetProperty("state").GetString().ShouldBe("InSupport");
        request.GetProperty("stateName").GetString().ShouldBe("支援中");
        (await JsonAsync(await expert.GetAsync($"/api/v1/osaka/talent/assignments/{a.AssignmentId}"))).GetProperty("state").GetString().ShouldBe("Active");
    }

    [Fact]
    public async Task Another_expert_never_sees_the_assignment_the_officer_reads_but_cannot_log_and_the_staff_log_for_the_expert()
    {
        var a = await App.AssignmentAsync();
        using var expert = await App.ExpertClientAsync(a);
        await JsonAsync(await LogAsync(expert, a.AssignmentId, a.Today, 1m, "Online"), HttpStatusCode.Created);

        using var staff = await App.SignInAsync("osaka", StaffEmail);
        var other = UniqueExpertEmail();
        await App.ExpertAsync(staff, other, "別の 専門家");
        using var otherExpert = await App.SignInAsync("osaka", other, ExpertPassword);
        await (await otherExpert.GetAsync(Log(a.AssignmentId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await LogAsync(otherExpert, a.AssignmentId, a.Today, 1m, "Online")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await otherExpert.GetAsync($"/api/v1/osaka/talent/assignments/{a.AssignmentId}/reports")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        (await JsonAsync(await toyonaka.GetAsync(Log(a.AssignmentId)))).GetProperty("activities").GetArrayLength().ShouldBe(1);
        (await (await LogAsync(toyonaka, a.AssignmentId, a.Today, 1m, "Online")).ShouldBeProblemAsync(HttpStatusCode.Forbidden))
            .Detail()!.ShouldContain("担当の専門人材と都道府県の職員だけ");
        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        await (await chihaya.GetAsync(Log(a.AssignmentId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var logged = await JsonAsync(await LogAsync(staff, a.AssignmentId, a.Today, 1m, "Online", "電話で進捗確認（職員が代理で記録）"), HttpStatusCode.Created);
        logged.GetProperty("loggedBy").GetString().ShouldBe(StaffEmail);
        (await JsonAsync(await expert.GetAsync(Log(a.AssignmentId)))).GetProperty("activities").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Kyoto_never_reads_logs_on_or_learns_of_an_osaka_assignment()
    {
        var a = await App.AssignmentAsync();
        using var expert = await App.ExpertClientAsync(a);
        await JsonAsync(await LogAsync(expert, a.AssignmentId, a.StartMonth.AddDays(1), 1m, "OnSite"), HttpStatusCode.Created);

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        await (await kyoto.GetAsync(Log(a.AssignmentId, "kyoto"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await LogAsync(kyoto, a.AssignmentId, a.Today, 1m, "Online", tenant: "kyoto")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kyoto.GetAsync($"/api/v1/kyoto/talent/assignments/{a.AssignmentId}/reports")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await kyoto.PostAsync($"/api/v1/kyoto/talent/assignments/{a.AssignmentId}/complete", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await JsonAsync(await kyoto.GetAsync("/api/v1/kyoto/talent/reports"))).GetArrayLength().ShouldBe(0);
        // Through osaka's address a kyoto token is refused outright.
        (await kyoto.GetAsync(Log(a.AssignmentId))).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);

        using var staff = await App.SignInAsync("osaka", StaffEmail);
        (await JsonAsync(await staff.GetAsync(Log(a.AssignmentId)))).GetProperty("activities").GetArrayLength().ShouldBe(1);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_ActivityLog(SqliteAppFixture fixture) : ActivityLogTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_ActivityLog(PostgresAppFixture fixture) : ActivityLogTests(fixture);
