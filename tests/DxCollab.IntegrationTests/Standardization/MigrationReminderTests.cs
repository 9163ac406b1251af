using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Reminders;
using DxCollab.Standardization;
using DxCollab.Standardization.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Standardization;

/// <summary>The 標準化 reminder rules through the real engine, inbox and business calendar, with a clock set in 2031
/// (so the host's own 15-minute scans, on today's date, never see these steps as due). Inbox items are told apart by
/// the planned dates and months they name: demo statuses may make other steps overdue, and every scan (the host's own
/// included) may also send that month's update requests.</summary>
public abstract class MigrationReminderTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Toyonaka = "272035", Chihayaakasaka = "273830";
    private const string OverdueTitle = "予定日を過ぎたステップ", MonthlyTitle = "今月の進捗を更新してください";

    private Task<ReminderScanResult> ScanAsync(DateTimeOffset utc) => App.InTenantAsync("osaka", sp =>
        ActivatorUtilities.CreateInstance<ReminderEngine>(sp, new FixedClock(utc)).RunAsync());

    private Task SetAsync(DateTimeOffset changedAt, string org, int business, int step, StepStatus status, DateOnly? planned = null) =>
        App.InTenantAsync("osaka", async sp =>
        {
            var result = await sp.With<StepTracker>(new FixedClock(changedAt)).UpdateAsync(org, [business], [step], new StepUpdate(status, planned), "test", "api");
            result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        });

    private record Item(string Title, string Body, string? Link);

    private Task<List<Item>> InboxAsync(string email) => App.InTenantAsync("osaka", async sp =>
    {
        var db = sp.GetRequiredService<DxCollabDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return await db.Notifications.Where(n => n.UserId == user.Id).OrderBy(n => n.Id).Select(n => new Item(n.Title, n.Body, n.Link)).ToListAsync();
    });

    private async Task<int> ToldAsync(string email, string title, string text) =>
        (await InboxAsync(email)).Count(n => n.Title.Contains(title) && n.Body.Contains(text));

    [Fact]
    public async Task An_overdue_step_tells_the_municipality_once_on_a_business_day_then_the_prefecture_after_five_business_days_shifted_by_a_holiday()
    {
        var setUp = FixedClock.Tokyo(2031, 7, 1);
        await SetAsync(setUp, Toyonaka, 3, 5, StepStatus.InProgress, new DateOnly(2031, 7, 17));
        await SetAsync(setUp, Toyonaka, 3, 6, StepStatus.Completed, new DateOnly(2031, 7, 10));
        await SetAsync(setUp, Toyonaka, 10, 1, StepStatus.NotStarted, new DateOnly(2031, 7, 15));
        // 軽自動車税 then switched off for 豊中市: its overdue step tells nobody.
        await App.InTenantAsync("osaka", async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            db.Add(new BusinessSystem { OrganizationCode = Toyonaka, BusinessNumber = 10, IsEnabled = false, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        // Whatever else is overdue (demo statuses) is told first, so each later reminder lists only what became due.
        await ScanAsync(FixedClock.Tokyo(2031, 7, 2));

        await ScanAsync(FixedClock.Tokyo(2031, 7, 17, 18));
        (await ToldAsync("toyonaka@osaka.example", OverdueTitle, "令和13年7月17日")).ShouldBe(0); // due today, not overdue

        // 7-17 15:30 UTC is already 7-18 in Tokyo.
        await ScanAsync(new DateTimeOffset(2031, 7, 17, 15, 30, 0, TimeSpan.Zero));
        await ScanAsync(FixedClock.Tokyo(2031, 7, 18, 17));
        await ScanAsync(FixedClock.Tokyo(2031, 7, 19));
        var told = (await InboxAsync("toyonaka@osaka.example")).Where(n => n.Body.Contains("予定日 令和13年7月17日、作業中")).ToList();
        told.Count.ShouldBe(1);
        told[0].Title.ShouldBe("予定日を過ぎたステップが 1 件あります（豊中市）");
        told[0].Link.ShouldBe($"/osaka/migration/{Toyonaka}");
        (await InboxAsync("toyonaka@osaka.example")).ShouldNotContain(n => n.Body.Contains("令和13年7月10日") || n.Body.Contains("令和13年7月15日"));
        (await InboxAsync("chihayaakasaka@osaka.example")).ShouldNotContain(n => n.Body.Contains("令和13年7月17日"));

        // 5 business days after Thu 7-17 is Fri 7-25, not Thu 7-24: Mon 7-21 is 海の日.
        var calendar = App.Factory.Services.GetRequiredService<BusinessCalendar>();
        calendar.ClosedReason(new DateOnly(2031, 7, 21)).ShouldBe("祝日（海の日）");
        await ScanAsync(FixedClock.Tokyo(2031, 7, 24, 18));
        (await ToldAsync("pref.admin@osaka.example", "豊中市", "令和13年7月17日")).ShouldBe(0);
        await ScanAsync(FixedClock.Tokyo(2031, 7, 25));
        await ScanAsync(FixedClock.Tokyo(2031, 7, 28));
        var escalated = (await InboxAsync("pref.admin@osaka.example")).Where(n => n.Body.Contains("令和13年7月17日")).ToList();
        escalated.Count.ShouldBe(1);
        escalated[0].Title.ShouldBe("豊中市: 予定日を 5 開庁日過ぎたステップが 1 件あります");
        escalated[0].Link.ShouldBe($"/osaka/migration/{Toyonaka}");
        (await InboxAsync("pref.admin@osaka.example")).ShouldNotContain(n => n.Body.Contains("令和13年7月10日") || n.Body.Contains("令和13年7月15日"));
        (await InboxAsync("toyonaka@osaka.example")).ShouldNotContain(n => n.Title.Contains("開庁日過ぎた"));

        // Re-planned to 7-30 and still not done: told again once the new date has passed.
        await SetAsync(FixedClock.Tokyo(2031, 7, 28), Toyonaka, 3, 5, StepStatus.InProgress, new DateOnly(2031, 7, 30));
        await ScanAsync(FixedClock.Tokyo(2031, 7, 31));
        await ScanAsync(FixedClock.Tokyo(2031, 7, 31, 20));
        (await ToldAsync("toyonaka@osaka.example", OverdueTitle, "予定日 令和13年7月30日")).ShouldBe(1);

        await SetAsync(FixedClock.Tokyo(2031, 8, 1), Toyonaka, 3, 5, StepStatus.Completed);

        // Overdue from Sat 8-9: nobody is told on the weekend or on Mon 8-11 (山の日), but on Tue 8-12.
        await SetAsync(FixedClock.Tokyo(2031, 8, 1), Toyonaka, 3, 7, StepStatus.InProgress, new DateOnly(2031, 8, 8));
        await ScanAsync(FixedClock.Tokyo(2031, 8, 9));
        await ScanAsync(FixedClock.Tokyo(2031, 8, 11));
        (await ToldAsync("toyonaka@osaka.example", OverdueTitle, "予定日 令和13年8月8日")).ShouldBe(0);
        await ScanAsync(FixedClock.Tokyo(2031, 8, 12));
        (await ToldAsync("toyonaka@osaka.example", OverdueTitle, "予定日 令和13年8月8日")).ShouldBe(1);

        // Done on 8-1 (before its escalation day, 8-6): the prefecture is never told of it.
        await ScanAsync(FixedClock.Tokyo(2031, 8, 15));
        (await ToldAsync("pref.admin@osaka.example", "豊中市", "令和13年7月30日")).ShouldBe(0);
    }

    [Fact]
    public async Task The_monthly_request_reaches_only_municipalities_without_a_change_this_tokyo_month_from_the_configured_business_day()
    {
        // 9-1 00:30 Tokyo counts for September; 8-31 23:30 Tokyo does not.
        await SetAsync(new DateTimeOffset(2031, 8, 31, 15, 30, 0, TimeSpan.Zero), Toyonaka, 1, 1, StepStatus.InProgress);
        await SetAsync(new DateTimeOffset(2031, 8, 31, 14, 30, 0, TimeSpan.Zero), Chihayaakasaka, 1, 1, StepStatus.InProgress);

        // The 10th business day of September 2031 is Fri 9-12 (9-1 is a Monday).
        await ScanAsync(FixedClock.Tokyo(2031, 9, 11, 18));
        (await ToldAsync("chihayaakasaka@osaka.example", MonthlyTitle, "令和13年9月")).ShouldBe(0);
        await ScanAsync(FixedClock.Tokyo(2031, 9, 12));
        await ScanAsync(FixedClock.Tokyo(2031, 9, 20));
        var asked = (await InboxAsync("chihayaakasaka@osaka.example")).Where(n => n.Title == MonthlyTitle && n.Body.Contains("令和13年9月")).ToList();
        asked.Count.ShouldBe(1);
        asked[0].Body.ShouldContain("千早赤阪村の令和13年9月の標準化の進捗");
        asked[0].Link.ShouldBe($"/osaka/migration/{Chihayaakasaka}");
        (await ToldAsync("toyonaka@osaka.example", MonthlyTitle, "令和13年9月")).ShouldBe(0);
        (await ToldAsync("pref.admin@osaka.example", MonthlyTitle, "")).ShouldBe(0); // the prefecture itself is never asked
        (await App.InTenantAsync("osaka", sp => sp.GetRequiredService<DxCollabDbContext>().Set<SentReminder>()
            .CountAsync(s => s.Key == $"migration:monthly-request:{Chihayaakasaka}:2031-09"))).ShouldBe(1);

        // The prefecture moves the request to the 3rd business day: Fri 10-3 in October 2031 (10-1 is a Wednesday).
        await App.InTenantAsync("osaka", async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var settings = await db.Set<MigrationSettings>().FirstOrDefaultAsync();
            if (settings is null) db.Add(settings = new MigrationSettings());
            settings.MonthlyRequestBusinessDay = 3;
            await db.SaveChangesAsync();
        });
        await ScanAsync(FixedClock.Tokyo(2031, 10, 2, 18));
        (await ToldAsync("toyonaka@osaka.example", MonthlyTitle, "令和13年10月")).ShouldBe(0);
        await ScanAsync(FixedClock.Tokyo(2031, 10, 3));
        (await ToldAsync("toyonaka@osaka.example", MonthlyTitle, "令和13年10月")).ShouldBe(1);
        (await ToldAsync("chihayaakasaka@osaka.example", MonthlyTitle, "令和13年10月")).ShouldBe(1);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_MigrationReminders(SqliteAppFixture fixture) : MigrationReminderTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_MigrationReminders(PostgresAppFixture fixture) : MigrationReminderTests(fixture);
