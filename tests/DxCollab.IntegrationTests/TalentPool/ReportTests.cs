using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Reminders;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Surveys.FollowUpTestData;
using static DxCollab.IntegrationTests.TalentPool.ActivityTestData;

namespace DxCollab.IntegrationTests.TalentPool;

/// <summary>Support reports through the API: one due 5 開庁日 after each on-site visit, written and submitted once by the
/// expert, the overdue ones on the prefecture's board, the final report on completion, the request 完了 when its every
/// assignment has ended, and the reminders (the expert before and on the due day, the staff once overdue), each once and
/// never for a submitted report.</summary>
public abstract class ReportTests(AppFixture fixture) : AppTest(fixture)
{
    private static string Reports(long id) => $"/api/v1/osaka/talent/assignments/{id}/reports";

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, long assignmentId, long reportId, string? body, bool submit) =>
        client.PutAsJsonAsync($"{Reports(assignmentId)}/{reportId}", new { body, submit });

    private static JsonElement AfterVisit(JsonElement reports, long activityId) =>
        reports.EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "AfterVisit" && r.GetProperty("activityId").GetInt64() == activityId);

    [Fact]
    public async Task An_on_site_visit_brings_a_report_due_5_business_days_later_which_shows_overdue_on_the_board_until_the_expert_submits_it_and_the_団体_and_staff_are_told()
    {
        var a = await App.AssignmentAsync();
        using var expert = await App.ExpertClientAsync(a);
        var visit = a.StartMonth.AddDays(1);
        var activity = await JsonAsync(await LogAsync(expert, a.AssignmentId, visit, 3m, "OnSite"), HttpStatusCode.Created);
        await JsonAsync(await LogAsync(expert, a.AssignmentId, a.Today, 1m, "Online"), HttpStatusCode.Created); // no report for online work

        var reports = await JsonAsync(await expert.GetAsync(Reports(a.AssignmentId)));
        reports.GetArrayLength().ShouldBe(2); // the visit's and the final report
        var report = AfterVisit(reports, activity.GetProperty("id").GetInt64());
        var due = App.Calendar().AddBusinessDays(visit, 5);
        report.GetProperty("dueDate").GetString().ShouldBe(due.ToString("yyyy-MM-dd"));
        report.GetProperty("kindName").GetString().ShouldBe("訪問後の報告");
        var reportId = report.GetProperty("id").GetInt64();

        using var staff = await App.SignInAsync("osaka", StaffEmail);
        var board = await JsonAsync(await staff.GetAsync("/api/v1/osaka/talent/reports"));
        var lines = board.EnumerateArray().ToList();
        var line = lines.Single(l => l.GetProperty("reportId").GetInt64() == reportId);
        var overdue = lines.Select(l => l.GetProperty("daysOverdue").GetInt32()).ToList();
        overdue.ShouldBe(overdue.OrderByDescending(d => d).ToList()); // overdue first, the longest first
        overdue[0].ShouldBeGreaterThan(0);
        line.GetProperty("daysOverdue").GetInt32().ShouldBe(App.Calendar().BusinessDaysBetween(due, a.Today));
        line.GetProperty("organizationName").GetString().ShouldBe("豊中市");
        line.GetProperty("expertName").GetString().ShouldBe("活動 太郎");
        await (await expert.GetAsync("/api/v1/osaka/talent/reports")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // A draft, a submit without a body refused naming the field, then submitted and locked.
        (await JsonAsync(await PutAsync(expert, a.AssignmentId, reportId, "訪問して現行の調達仕様書を確認。", false)))
            .GetProperty("submittedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        // A draft is the expert's own: the 団体's officer sees that the report is due, not its text.
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        AfterVisit(await JsonAsync(await toyonaka.GetAsync(Reports(a.AssignmentId))), activity.GetProperty("id").GetInt64())
            .GetProperty("body").ValueKind.ShouldBe(JsonValueKind.Null);
        (await (await PutAsync(expert, a.AssignmentId, reportId, " ", true)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("body").ShouldContain("報告の内容");
        var submitted = await JsonAsync(await PutAsync(expert, a.AssignmentId, reportId, "訪問して現行の調達仕様書を確認。次回はRFI案。", true));
        submitted.GetProperty("submittedBy").GetString().ShouldBe(a.ExpertEmail);
        // The 団体 (who may now read it) and the staff are told it was submitted.
        foreach (var email in new[] { "toyonaka@osaka.example", StaffEmail })
            (await App.InboxAsync("osaka", email)).Count(n => n.Link == $"/osaka/talent/assignments/{a.AssignmentId}#report-{reportId}"
                                                              && n.Title.StartsWith("支援報告が提出されました")).ShouldBe(1);
        (await (await PutAsync(expert, a.AssignmentId, reportId, "書き換え", false)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .Detail()!.ShouldContain("提出済み");
        board = await JsonAsync(await staff.GetAsync("/api/v1/osaka/talent/reports"));
        board.EnumerateArray().ShouldNotContain(l => l.GetProperty("reportId").GetInt64() == reportId);

        // The 団体's officer reads the submitted report but cannot write any.
        var read = await JsonAsync(await toyonaka.GetAsync(Reports(a.AssignmentId)));
        read.GetArrayLength().ShouldBe(2);
        AfterVisit(read, activity.GetProperty("id").GetInt64()).GetProperty("body").GetString().ShouldBe("訪問して現行の調達仕様書を確認。次回はRFI案。");
        var final = (await JsonAsync(await toyonaka.GetAsync(Reports(a.AssignmentId)))).EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "Final");
        await (await PutAsync(toyonaka, a.AssignmentId, final.GetProperty("id").GetInt64(), "代筆", true)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_cancelled_assignments_overdue_report_leaves_the_board_and_the_start_pages_count_alike()
    {
        var a = await App.AssignmentAsync();
        using var expert = await App.ExpertClientAsync(a);
        var activity = await JsonAsync(await LogAsync(expert, a.AssignmentId, a.StartMonth.AddDays(1), 3m, "OnSite"), HttpStatusCode.Created);
        var reportId = AfterVisit(await JsonAsync(await expert.GetAsync(Reports(a.AssignmentId))), activity.GetProperty("id").GetInt64())
            .GetProperty("id").GetInt64();
        using var staff = await App.SignInAsync("osaka", StaffEmail);
        async Task<(int Board, int StartPage)> OverdueAsync()
        {
            var board = (await JsonAsync(await staff.GetAsync("/api/v1/osaka/talent/reports"))).EnumerateArray()
                .Count(l => l.GetProperty("daysOverdue").GetInt32() > 0);
            var page = await staff.GetStringAsync("/osaka/talent");
            var count = System.Text.RegularExpressions.Regex.Match(page, "期限切れ (\\d+) 件");
            return (board, count.Success ? int.Parse(count.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
        }
        var before = await OverdueAsync();
        before.StartPage.ShouldBe(before.Board);
        (await JsonAsync(await staff.GetAsync("/api/v1/osaka/talent/reports"))).EnumerateArray()
            .ShouldContain(l => l.GetProperty("reportId").GetInt64() == reportId);

        (await staff.PostAsync($"/api/v1/osaka/talent/assignments/{a.AssignmentId}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await OverdueAsync();
        after.Board.ShouldBe(before.Board - 1);
        after.StartPage.ShouldBe(after.Board);
    }

    [Fact]
    public async Task Completing_the_only_assignment_makes_the_final_report_due_in_5_business_days_and_the_request_完了_the_officer_is_asked_and_answers_satisfaction_once()
    {
        var a = await App.AssignmentAsync();
        using var expert = await App.ExpertClientAsync(a);
        await JsonAsync(await LogAsync(expert, a.AssignmentId, a.Today, 2m, "Online"), HttpStatusCode.Created);
        using var toyonaka = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        var satisfaction = $"/api/v1/osaka/talent/requests/{a.RequestId}/satisfaction";
        (await (await toyonaka.PostAsJsonAsync(satisfaction, new { rating = 5, wouldAskAgain = true })).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .Detail()!.ShouldContain("完了してから");
        await (await toyonaka.PostAsync($"/api/v1/osaka/talent/assignments/{a.AssignmentId}/complete", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var final = await JsonAsync(await expert.PostAsync($"/api/v1/osaka/talent/assignments/{a.AssignmentId}/complete", null));
        final.GetProperty("kind").GetString().ShouldBe("Final");
        final.GetProperty("dueDate").GetString().ShouldBe(App.Calendar().AddBusinessDays(a.Today, 5).ToString("yyyy-MM-dd"));
        (await JsonAsync(await toyonaka.GetAsync($"/api/v1/osaka/talent/requests/{a.RequestId}"))).GetProperty("stateName").GetString().ShouldBe("完了");
        // The 団体 is told, and asked for its 満足度 answer, once.
        var completed = (await App.InboxAsync("osaka", "toyonaka@osaka.example")).Where(n => n.Link == $"/osaka/talent/requests/{a.RequestId}#satisfaction-heading").ToList();
        completed.Count.ShouldBe(1);
        completed[0].Title.ShouldStartWith("支援が完了しました");
        (await (await LogAsync(expert, a.AssignmentId, a.Today, 1m, "Online")).ShouldBeProblemAsync(HttpStatusCode.Conflict)).Detail()!.ShouldContain("終了しています");
        await (await expert.PostAsync($"/api/v1/osaka/talent/assignments/{a.AssignmentId}/complete", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // Satisfaction: only the 団体's officer, checked input, once.
        await (await expert.PostAsJsonAsync(satisfaction, new { rating = 5, wouldAskAgain = true })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var chihaya = await App.SignInAsync("osaka", "chihayaakasaka@osaka.example");
        await (await chihaya.PostAsJsonAsync(satisfaction, new { rating = 5, wouldAskAgain = true })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var staff = await App.SignInAsync("osaka", StaffEmail);
        await (await staff.PostAsJsonAsync(satisfaction, new { rating = 5, wouldAskAgain = true })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await toyonaka.PostAsJsonAsync(satisfaction, new { rating = 6, wouldAskAgain = true })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldError("rating").ShouldContain("1（不満）〜 5（満足）");
        (await JsonAsync(await toyonaka.GetAsync(satisfaction))).GetProperty("answered").GetBoolean().ShouldBeFalse();
        var answered = await JsonAsync(await toyonaka.PostAsJsonAsync(satisfaction, new { rating = 4, wouldAskAgain = true, comment = "仕様書の見方が分かった" }),
            HttpStatusCode.Created);
        answered.GetProperty("rating").GetInt32().ShouldBe(4);
        (await (await toyonaka.PostAsJsonAsync(satisfaction, new { rating = 1, wouldAskAgain = false })).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .Detail()!.ShouldContain("回答済み");
        (await JsonAsync(await staff.GetAsync(satisfaction))).GetProperty("answer").GetProperty("comment").GetString().ShouldBe("仕様書の見方が分かった");

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        await (await kyoto.GetAsync($"/api/v1/kyoto/talent/requests/{a.RequestId}/satisfaction")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reminders_go_to_the_expert_the_business_day_before_and_on_the_due_day_then_once_to_the_staff_and_never_for_a_submitted_report()
    {
        var a = await App.AssignmentAsync();
        using var expert = await App.ExpertClientAsync(a);
        var visit = a.StartMonth.AddDays(1);
        var late = (await JsonAsync(await LogAsync(expert, a.AssignmentId, visit, 2m, "OnSite"), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var done = (await JsonAsync(await LogAsync(expert, a.AssignmentId, visit.AddDays(1), 2m, "OnSite"), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var reports = await JsonAsync(await expert.GetAsync(Reports(a.AssignmentId)));
        var lateReport = AfterVisit(reports, late).GetProperty("id").GetInt64();
        var doneReport = AfterVisit(reports, done).GetProperty("id").GetInt64();
        await JsonAsync(await PutAsync(expert, a.AssignmentId, doneReport, "訪問の報告です。", true));

        var calendar = App.Calendar();
        var due = calendar.AddBusinessDays(visit, 5);
        async Task ScanTwiceAsync(DateOnly day)
        {
            var utc = FixedClock.Tokyo(day.Year, day.Month, day.Day);
            await App.InTenantAsync("osaka", sp => ActivatorUtilities.CreateInstance<ReminderEngine>(sp, new FixedClock(utc)).RunAsync());
            (await App.InTenantAsync("osaka", sp => ActivatorUtilities.CreateInstance<ReminderEngine>(sp, new FixedClock(utc)).RunAsync())).Sent.ShouldBe(0);
        }
        async Task<List<Notice>> ToldAsync(string email, long reportId) =>
            [.. (await App.InboxAsync("osaka", email)).Where(n => n.Link?.Contains($"#report-{reportId}") == true)];

        await ScanTwiceAsync(calendar.AddBusinessDays(due, -2));
        (await ToldAsync(a.ExpertEmail, lateReport)).ShouldBeEmpty();
        await ScanTwiceAsync(calendar.AddBusinessDays(due, -1));
        var told = await ToldAsync(a.ExpertEmail, lateReport);
        told.Count.ShouldBe(1);
        told[0].Title.ShouldBe("豊中市への支援の訪問後の報告を提出してください");
        told[0].Body.ShouldContain("あと 1 開庁日");
        await ScanTwiceAsync(due);
        told = await ToldAsync(a.ExpertEmail, lateReport);
        told.Count.ShouldBe(2);
        told[1].Body.ShouldContain("本日が提出期限です");

        await ScanTwiceAsync(calendar.AddBusinessDays(due, 1));
        await ScanTwiceAsync(calendar.AddBusinessDays(due, 2));
        var staffTold = (await App.InboxAsync("osaka", StaffEmail)).Where(n => n.Title.StartsWith("支援報告が期限を過ぎています")).ToList();
        staffTold.Count.ShouldBe(1);
        staffTold[0].Body.ShouldContain("を 1 開庁日過ぎても提出されていません");
        staffTold[0].Link.ShouldBe("/osaka/talent/reports");
        (await ToldAsync(a.ExpertEmail, lateReport)).Count.ShouldBe(2);
        (await ToldAsync(a.ExpertEmail, doneReport)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_expert_without_an_account_is_not_left_unreminded_the_staff_are_told_before_the_due_day()
    {
        var a = await App.AssignmentAsync(withAccount: false);
        using var staff = await App.SignInAsync("osaka", StaffEmail);
        var visit = a.StartMonth.AddDays(1);
        var activity = await JsonAsync(await LogAsync(staff, a.AssignmentId, visit, 2m, "OnSite"), HttpStatusCode.Created); // on the expert's behalf
        var reportId = AfterVisit(await JsonAsync(await staff.GetAsync(Reports(a.AssignmentId))), activity.GetProperty("id").GetInt64()).GetProperty("id").GetInt64();
        var day = App.Calendar().AddBusinessDays(App.Calendar().AddBusinessDays(visit, 5), -1);
        await App.InTenantAsync("osaka", sp => ActivatorUtilities.CreateInstance<ReminderEngine>(sp,
            new FixedClock(FixedClock.Tokyo(day.Year, day.Month, day.Day))).RunAsync());
        var told = (await App.InboxAsync("osaka", StaffEmail)).Where(n => n.Link?.EndsWith($"#report-{reportId}") == true).ToList();
        told.Count.ShouldBe(1);
        told[0].Title.ShouldContain("アカウント未作成");
        told[0].Body.ShouldContain("代わりに記録できます");
        // The staff write it on the expert's behalf (and leave no overdue report to the class's other tests' scans).
        await JsonAsync(await PutAsync(staff, a.AssignmentId, reportId, "職員が代わりに記録した訪問の報告です。", true));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_Reports(SqliteAppFixture fixture) : ReportTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_Reports(PostgresAppFixture fixture) : ReportTests(fixture);
