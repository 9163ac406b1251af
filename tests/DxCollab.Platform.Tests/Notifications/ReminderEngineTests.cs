using DxCollab.Platform.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DxCollab.Platform.Tests.Notifications;

/// <summary>The reminder engine with the real notification delivery: what is due reaches its recipients' inboxes once,
/// and an escalation (a later key) reaches the prefecture.</summary>
public sealed class ReminderEngineTests : NotificationTestBase
{
    /// <summary>Deadline 2026-12-04: the officer is told 2 days before; if still open on the day after, the prefecture.</summary>
    private sealed class SurveyDeadlineRule(string officer, string prefectureAdmin) : IReminderRule
    {
        public string Name => "test-survey";
        public Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderScanContext context, CancellationToken ct)
        {
            var deadline = new DateOnly(2026, 12, 4);
            var due = new List<DueReminder>();
            if (context.TodayInTokyo >= deadline.AddDays(-2))
                due.Add(new("survey:42:272035:before", [officer], "照会の回答期限が近づいています", "期限は12月4日です。", "/osaka/surveys/42", deadline));
            if (context.TodayInTokyo > deadline)
                due.Add(new("survey:42:272035:escalation", [prefectureAdmin], "豊中市が未回答です", "期限を過ぎています。", "/osaka/surveys/42", deadline));
            return Task.FromResult<IReadOnlyList<DueReminder>>(due);
        }
    }

    private async Task<ReminderScanResult> ScanAsync(DateTimeOffset utc)
    {
        Database.Clock.Now = utc;
        await using var db = Database.CreateContext(Osaka);
        var engine = new ReminderEngine(db, [new SurveyDeadlineRule(Toyonaka, OsakaAdmin)], new NotificationReminderDelivery(Service(db)),
            Database.Clock, new ServiceCollection().BuildServiceProvider(), NullLogger<ReminderEngine>.Instance);
        return await engine.RunAsync();
    }

    private async Task<int> NotificationsOfAsync(string userId)
    {
        await using var db = Database.CreateContext(Osaka);
        return await db.Notifications.CountAsync(n => n.UserId == userId);
    }

    [Fact]
    public async Task A_due_reminder_reaches_the_officers_inbox_once_however_often_the_scan_runs()
    {
        // 12-01 23:30 UTC is already 12-02 in Tokyo: two days before the deadline.
        (await ScanAsync(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero))).Due.ShouldBe(0); // 12-01 23:00 Tokyo
        (await ScanAsync(new DateTimeOffset(2026, 12, 1, 15, 30, 0, TimeSpan.Zero))).Sent.ShouldBe(1);
        (await ScanAsync(new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero))).AlreadySent.ShouldBe(1);

        (await NotificationsOfAsync(Toyonaka)).ShouldBe(1);
        (await NotificationsOfAsync(OsakaAdmin)).ShouldBe(0);
    }

    [Fact]
    public async Task After_the_deadline_the_prefecture_is_told_by_an_escalation_of_its_own()
    {
        await ScanAsync(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));
        var after = await ScanAsync(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero)); // 12-05 09:00 Tokyo
        after.Sent.ShouldBe(1);
        after.AlreadySent.ShouldBe(1);
        (await NotificationsOfAsync(OsakaAdmin)).ShouldBe(1);
        (await NotificationsOfAsync(Toyonaka)).ShouldBe(1);

        await using var kyoto = Database.CreateContext(Kyoto);
        (await kyoto.Set<SentReminder>().CountAsync()).ShouldBe(0);
    }
}
