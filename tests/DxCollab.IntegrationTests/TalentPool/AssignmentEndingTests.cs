using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.TalentPool.Activity;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.TalentPool.MatchingTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>Ending an assignment (完了, 取消) and its first activity when the state the caller read is already stale: the
/// second of two simultaneous changes is refused (409) by its conditional update, so hours go back to the expert once,
/// a cancelled assignment stays cancelled and a completed one gets no activity nor a second final report. The stale read
/// is made real by loading the assignment in the caller's scope before the other change is made through the API.</summary>
public abstract class AssignmentEndingTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Ended = "この割当はすでに終了または取消されています。";

    internal static ClaimsPrincipal StaffUser() => new(new ClaimsIdentity(
        [new(ClaimTypes.Role, Roles.PrefectureStaff), new(ClaimTypes.Email, Staff), new(DxClaims.Tenant, "osaka")], "test"));

    internal static DateOnly ThisMonth
    {
        get
        {
            var today = JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);
            return new DateOnly(today.Year, today.Month, 1);
        }
    }

    internal static string Month(DateOnly m) => m.ToString("yyyy-MM");

    /// <summary>An expert (40 h a month) with two assignments in the same months: the one under test (6 h) and another (10 h)
    /// that keeps the ledger above zero, so hours given back twice show as an under-count.</summary>
    internal async Task<(long Assignment, long Request, long Expert)> TwoBookingsAsync(HttpClient staff, DateOnly start, DateOnly end)
    {
        using var officer = await App.SignInAsync("osaka", ToyonakaOfficer);
        var expert = await staff.ExpertAsync(await App.SkillAreasAsync("osaka"), "終了 確認", capacity: 40);
        var request = await officer.RequestAsync("終了を確かめる依頼", "network");
        var assignment = await staff.AssignedAsync(request, expert, Month(start), Month(end), 6);
        await staff.AssignedAsync(await officer.RequestAsync("同じ月の別の依頼", "network"), expert, Month(start), Month(end), 10);
        return (assignment, request, expert);
    }

    internal Task<List<int>> BookedAsync(long expert) => App.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>()
        .Set<ExpertMonthLoad>().Where(l => l.ExpertId == expert).OrderBy(l => l.Month).Select(l => l.BookedHours).ToListAsync());

    /// <summary>Runs <paramref name="act"/> in a scope that read the assignment before <paramref name="meanwhile"/> changed it.</summary>
    internal Task<T> FromStaleReadAsync<T>(long assignmentId, Func<Task> meanwhile, Func<IServiceProvider, Task<T>> act) =>
        App.InTenantAsync("osaka", async sp =>
        {
            (await sp.GetRequiredService<DxCollabDbContext>().Set<Assignment>().FirstAsync(a => a.Id == assignmentId)).State.ShouldBe(AssignmentState.Planned);
            await meanwhile();
            return await act(sp);
        });

    private async Task<JsonElement> AssignmentAsync(HttpClient staff, long id) =>
        await ActivityTestData.JsonAsync(await staff.GetAsync($"/api/v1/osaka/talent/assignments/{id}"));

    private async Task<List<string>> ReportKindsAsync(HttpClient staff, long id) =>
        [.. (await ActivityTestData.JsonAsync(await staff.GetAsync($"/api/v1/osaka/talent/assignments/{id}/reports"))).EnumerateArray()
            .Select(r => r.GetProperty("kind").GetString()!)];

    [Fact]
    public async Task A_completion_read_before_a_cancel_is_refused_409_the_assignment_stays_取消_and_its_hours_go_back_once()
    {
        using var staff = await App.SignInAsync("osaka", Staff);
        var (id, _, expert) = await TwoBookingsAsync(staff, ThisMonth.AddMonths(1), ThisMonth.AddMonths(2));

        var outcome = await FromStaleReadAsync(id,
            async () => await ActivityTestData.JsonAsync(await staff.PostAsync($"/api/v1/osaka/talent/assignments/{id}/cancel", null)),
            sp => sp.GetRequiredService<SupportReportService>().CompleteAsync(id, StaffUser()));

        outcome.Kind.ShouldBe(OutcomeKind.Conflict);
        outcome.Message.ShouldBe(Ended);
        (await AssignmentAsync(staff, id)).GetProperty("stateName").GetString().ShouldBe("取消");
        (await BookedAsync(expert)).ShouldBe([10, 10]);
        (await ReportKindsAsync(staff, id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_second_completion_is_refused_409_with_one_final_report_and_the_hours_given_back_once()
    {
        using var staff = await App.SignInAsync("osaka", Staff);
        var (id, request, expert) = await TwoBookingsAsync(staff, ThisMonth.AddMonths(1), ThisMonth.AddMonths(2));

        var outcome = await FromStaleReadAsync(id,
            async () => await ActivityTestData.JsonAsync(await staff.PostAsync($"/api/v1/osaka/talent/assignments/{id}/complete", null)),
            sp => sp.GetRequiredService<SupportReportService>().CompleteAsync(id, StaffUser()));

        outcome.Kind.ShouldBe(OutcomeKind.Conflict);
        outcome.Message.ShouldBe(Ended);
        (await AssignmentAsync(staff, id)).GetProperty("stateName").GetString().ShouldBe("終了");
        (await BookedAsync(expert)).ShouldBe([10, 10]);
        (await ReportKindsAsync(staff, id)).ShouldBe(["Final"]);
        (await ActivityTestData.JsonAsync(await staff.GetAsync($"/api/v1/osaka/talent/requests/{request}"))).GetProperty("stateName").GetString().ShouldBe("完了");
    }

    [Fact]
    public async Task A_first_activity_read_before_a_cancel_is_refused_409_and_does_not_revive_the_assignment()
    {
        using var staff = await App.SignInAsync("osaka", Staff);
        var (id, request, _) = await TwoBookingsAsync(staff, ThisMonth, ThisMonth.AddMonths(1));

        var outcome = await FromStaleReadAsync(id,
            async () => await ActivityTestData.JsonAsync(await staff.PostAsync($"/api/v1/osaka/talent/assignments/{id}/cancel", null)),
            sp => sp.GetRequiredService<ActivityLogService>().LogAsync(id, new ActivityInput(ActivityTestData.TodayInTokyo, 1m, SupportMode.Online, "聞き取り"), StaffUser()));

        outcome.Kind.ShouldBe(OutcomeKind.Conflict);
        outcome.Message.ShouldBe(Ended);
        (await AssignmentAsync(staff, id)).GetProperty("stateName").GetString().ShouldBe("取消");
        (await ActivityTestData.JsonAsync(await staff.GetAsync($"/api/v1/osaka/talent/assignments/{id}/activities")))
            .GetProperty("activities").GetArrayLength().ShouldBe(0);
        (await ActivityTestData.JsonAsync(await staff.GetAsync($"/api/v1/osaka/talent/requests/{request}"))).GetProperty("stateName").GetString().ShouldBe("調整中");
    }

    [Fact]
    public async Task A_first_activity_read_before_the_completion_is_refused_409_and_nothing_is_logged_on_the_ended_assignment()
    {
        using var staff = await App.SignInAsync("osaka", Staff);
        var (id, _, _) = await TwoBookingsAsync(staff, ThisMonth, ThisMonth.AddMonths(1));

        var outcome = await FromStaleReadAsync(id,
            async () => await ActivityTestData.JsonAsync(await staff.PostAsync($"/api/v1/osaka/talent/assignments/{id}/complete", null)),
            sp => sp.GetRequiredService<ActivityLogService>().LogAsync(id, new ActivityInput(ActivityTestData.TodayInTokyo, 1m, SupportMode.Online, "聞き取り"), StaffUser()));

        outcome.Kind.ShouldBe(OutcomeKind.Conflict);
        outcome.Message.ShouldBe(Ended);
        (await AssignmentAsync(staff, id)).GetProperty("stateName").GetString().ShouldBe("終了");
        (await ActivityTestData.JsonAsync(await staff.GetAsync($"/api/v1/osaka/talent/assignments/{id}/activities")))
            .GetProperty("activities").GetArrayLength().ShouldBe(0);
        (await ReportKindsAsync(staff, id)).ShouldBe(["Final"]);
    }

    [Fact]
    public async Task A_start_month_before_the_current_Tokyo_month_is_refused_400_naming_startMonth_and_nothing_is_booked()
    {
        using var staff = await App.SignInAsync("osaka", Staff);
        using var officer = await App.SignInAsync("osaka", ToyonakaOfficer);
        var expert = await staff.ExpertAsync(await App.SkillAreasAsync("osaka"), "過去 月", capacity: 40);
        var request = await officer.RequestAsync("先月からの依頼", "network");

        using var refused = await staff.AssignAsync(request, expert, Month(ThisMonth.AddMonths(-1)), Month(ThisMonth.AddMonths(1)), 6);
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError("startMonth").ShouldBe($"開始月は今月（{Month(ThisMonth)}）以降にしてください。");
        (await BookedAsync(expert)).ShouldBeEmpty();
        await staff.AssignedAsync(request, expert, Month(ThisMonth), Month(ThisMonth.AddMonths(1)), 6);
        (await BookedAsync(expert)).ShouldBe([6, 6]);
    }

    [Fact]
    public async Task Cancelling_an_assignment_with_nothing_logged_gives_back_every_month_including_the_current_one()
    {
        using var staff = await App.SignInAsync("osaka", Staff);
        var (id, _, expert) = await TwoBookingsAsync(staff, ThisMonth, ThisMonth.AddMonths(1));
        (await BookedAsync(expert)).ShouldBe([16, 16]);

        await ActivityTestData.JsonAsync(await staff.PostAsync($"/api/v1/osaka/talent/assignments/{id}/cancel", null));
        (await BookedAsync(expert)).ShouldBe([10, 10]);
    }

    [Fact]
    public async Task Cancelling_an_assignment_with_activity_logged_keeps_the_current_month_booked_and_gives_back_the_later_ones()
    {
        using var staff = await App.SignInAsync("osaka", Staff);
        var (id, _, expert) = await TwoBookingsAsync(staff, ThisMonth, ThisMonth.AddMonths(1));
        await ActivityTestData.JsonAsync(await ActivityTestData.LogAsync(staff, id, ActivityTestData.TodayInTokyo, 1m, "Online"), HttpStatusCode.Created);

        await ActivityTestData.JsonAsync(await staff.PostAsync($"/api/v1/osaka/talent/assignments/{id}/cancel", null));
        (await BookedAsync(expert)).ShouldBe([16, 10]);
    }

    private async Task<JsonElement> RequestAsync(HttpClient client, long id) =>
        await ActivityTestData.JsonAsync(await client.GetAsync($"/api/v1/osaka/talent/requests/{id}"));

    [Fact]
    public async Task An_assignment_whose_request_was_moved_by_another_assignment_meanwhile_re_reads_it_and_succeeds_once()
    {
        using var staff = await App.SignInAsync("osaka", Staff);
        using var officer = await App.SignInAsync("osaka", ToyonakaOfficer);
        var areas = await App.SkillAreasAsync("osaka");
        var first = await staff.ExpertAsync(areas, "同時 一", capacity: 40);
        var second = await staff.ExpertAsync(areas, "同時 二", capacity: 40);
        var request = await officer.RequestAsync("二人に頼む依頼", "network");
        var version = (await RequestAsync(staff, request)).GetProperty("version").GetInt32();
        var (start, end) = (Month(ThisMonth), Month(ThisMonth.AddMonths(1)));

        var outcome = await App.InTenantAsync("osaka", async sp =>
        {
            await sp.GetRequiredService<DxCollabDbContext>().Set<SupportRequest>().FirstAsync(r => r.Id == request); // the form's view of the request
            await staff.AssignedAsync(request, first, start, end, 6);
            return await sp.GetRequiredService<DxCollab.TalentPool.Matching.AssignmentService>()
                .AssignAsync(new DxCollab.TalentPool.Matching.AssignmentInput(request, second, start, end, 8, null), StaffUser());
        });

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        var moved = await RequestAsync(staff, request);
        moved.GetProperty("stateName").GetString().ShouldBe("割当済");
        moved.GetProperty("version").GetInt32().ShouldBe(version + 2);
        (await ActivityTestData.JsonAsync(await staff.GetAsync($"/api/v1/osaka/talent/assignments?requestId={request}"))).GetArrayLength().ShouldBe(2);
        (await BookedAsync(second)).ShouldBe([8, 8]);
    }

    [Fact]
    public async Task Cancelling_the_only_assignment_of_a_支援中_request_moves_it_back_to_調整中()
    {
        using var staff = await App.SignInAsync("osaka", Staff);
        var (id, request, _) = await TwoBookingsAsync(staff, ThisMonth, ThisMonth.AddMonths(1));
        await ActivityTestData.JsonAsync(await ActivityTestData.LogAsync(staff, id, ActivityTestData.TodayInTokyo, 1m, "Online"), HttpStatusCode.Created);
        (await RequestAsync(staff, request)).GetProperty("stateName").GetString().ShouldBe("支援中");

        await ActivityTestData.JsonAsync(await staff.PostAsync($"/api/v1/osaka/talent/assignments/{id}/cancel", null));
        (await RequestAsync(staff, request)).GetProperty("stateName").GetString().ShouldBe("調整中");
    }

    [Fact]
    public async Task Cancelling_the_last_open_assignment_when_the_others_were_completed_makes_the_request_完了()
    {
        using var staff = await App.SignInAsync("osaka", Staff);
        using var officer = await App.SignInAsync("osaka", ToyonakaOfficer);
        var areas = await App.SkillAreasAsync("osaka");
        var request = await officer.RequestAsync("一人は終わり一人は取り消す依頼", "network");
        var (start, end) = (Month(ThisMonth), Month(ThisMonth.AddMonths(1)));
        var done = await staff.AssignedAsync(request, await staff.ExpertAsync(areas, "完了 側", capacity: 40), start, end, 6);
        var open = await staff.AssignedAsync(request, await staff.ExpertAsync(areas, "取消 側", capacity: 40), start, end, 6);
        await ActivityTestData.JsonAsync(await staff.PostAsync($"/api/v1/osaka/talent/assignments/{done}/complete", null));
        (await RequestAsync(staff, request)).GetProperty("stateName").GetString().ShouldBe("割当済");

        await ActivityTestData.JsonAsync(await staff.PostAsync($"/api/v1/osaka/talent/assignments/{open}/cancel", null));
        (await RequestAsync(staff, request)).GetProperty("stateName").GetString().ShouldBe("完了");
        (await App.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>().Set<SupportRequest>()
            .Where(r => r.Id == request).Select(r => r.ClosedAt).SingleAsync())).ShouldNotBeNull();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_AssignmentEnding(SqliteAppFixture fixture) : AssignmentEndingTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_AssignmentEnding(PostgresAppFixture fixture) : AssignmentEndingTests(fixture);
