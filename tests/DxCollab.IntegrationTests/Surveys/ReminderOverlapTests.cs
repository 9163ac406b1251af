using System.Collections.Concurrent;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxCollab.IntegrationTests.Surveys.FollowUpTestData;
using static DxCollab.IntegrationTests.Surveys.ReminderTestSurveys;

namespace DxCollab.IntegrationTests.Surveys;

/// <summary>Two reminder workers scanning the same survey at the same moment on PostgreSQL (SQLite has one writer, so
/// it cannot overlap them). Each worker has its own DI scope, DbContext and connection. They are held at two points so
/// the overlap is certain rather than likely: both finish finding what is due before either sends, and for every
/// reminder both have passed the engine's "already sent?" check and added their notices before either commits. Only
/// the database's unique key on the sent-reminder record can then keep the second copy out.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_ReminderOverlap(PostgresAppFixture fixture) : AppTest(fixture)
{
    private static readonly string[] Respondents = [Toyonaka, Ikeda, Suita, Chihayaakasaka];

    [Fact]
    public async Task Two_workers_scanning_at_once_send_each_reminder_once_to_each_officer_at_every_stage()
    {
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        // Deadline Tue 2031-07-22 (Mon 7-21 is 海の日): 5 開庁日 before is 7-14, 1 before is 7-18, escalation on 7-23.
        var id = await PublishAsync(staff, "同時督促の確認", new DateOnly(2031, 7, 22), Respondents);
        // Two officers per 団体, so "once" is checked per person and not only per 団体.
        foreach (var code in Respondents) await App.CreateUserAsync("osaka", $"second.{code}@osaka.example", DemoData.Password, code, Roles.MunicipalOfficer);
        await App.CreateUserAsync("osaka", $"first.{Ikeda}@osaka.example", DemoData.Password, Ikeda, Roles.MunicipalOfficer);
        await App.CreateUserAsync("osaka", $"first.{Suita}@osaka.example", DemoData.Password, Suita, Roles.MunicipalOfficer);

        foreach (var (day, expected) in new[] { (14, 4), (18, 4), (22, 4), (23, 1) })
        {
            var utc = FixedClock.Tokyo(2031, 7, day);
            var meeting = new Meeting();
            var race = await Task.WhenAll(App.ScanAsync(utc, meeting.Seam), App.ScanAsync(utc, meeting.Seam));
            race.ShouldAllBe(r => r.Due == expected, $"7-{day}");
            race.Sum(r => r.Sent).ShouldBe(expected, $"7-{day}");
            race.Sum(r => r.AlreadySent).ShouldBe(expected, $"7-{day}: the loser of each race counts it as already sent");
            meeting.Contended.Count.ShouldBe(expected, $"7-{day}: both workers reached every reminder before either committed");

            // Repeated: later pairs find everything already sent.
            for (var i = 0; i < 3; i++)
            {
                var again = await Task.WhenAll(App.ScanAsync(utc), App.ScanAsync(utc));
                again.Sum(r => r.Sent).ShouldBe(0, $"7-{day}, repeat {i + 1}");
            }
        }

        var sent = await App.InTenantAsync("osaka", async sp =>
        {
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var notices = await db.Notifications.Where(n => n.SourceKey != null && n.SourceKey.StartsWith("surveys:") && n.SourceKey.Contains($":{id}:"))
                .Select(n => new { n.UserId, n.SourceKey }).ToListAsync();
            // Reminder e-mails only (the publish notice mentions the survey too).
            var emails = await db.PendingEmails
                .Where(e => e.Subject.Contains("照会「同時督促の確認」の回答をお願いします") || e.Subject.Contains("照会「同時督促の確認」: 期限を過ぎて"))
                .Select(e => e.UserId).ToListAsync();
            var users = await db.Users.Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email!);
            var keys = await db.Set<SentReminder>().Where(s => s.Key.Contains($":{id}:")).Select(s => s.Key).ToListAsync();
            return (Notices: notices.Select(n => (Email: users[n.UserId], Key: n.SourceKey!)).ToList(),
                Emails: emails.Select(u => users[u]).ToList(), Keys: keys);
        });

        sent.Keys.Count.ShouldBe(13); // 4 団体 × 3 stages + 1 digest
        sent.Keys.Distinct().Count().ShouldBe(13);
        // Exactly one notice per person per reminder: none doubled, none missing.
        sent.Notices.GroupBy(n => n).ShouldAllBe(g => g.Count() == 1);
        string[] officers = [.. Respondents.Select(c => $"second.{c}@osaka.example"), "toyonaka@osaka.example", "chihayaakasaka@osaka.example",
            $"first.{Ikeda}@osaka.example", $"first.{Suita}@osaka.example"];
        foreach (var officer in officers)
        {
            sent.Notices.Count(n => n.Email == officer).ShouldBe(3, officer);
            sent.Emails.Count(e => e == officer).ShouldBe(3, officer);
        }
        sent.Notices.Count(n => n.Email == "pref.admin@osaka.example").ShouldBe(1);
        sent.Emails.Count(e => e == "pref.admin@osaka.example").ShouldBe(1);

        // The officers see them once in their own inbox too.
        using var suita = await App.SignInAsync("osaka", $"second.{Suita}@osaka.example");
        var bodies = (await RemindersAsync(suita, id)).Select(r => r.Body).ToList();
        bodies.Count.ShouldBe(3);
        bodies[0].ShouldContain("あと 5 開庁日");
        bodies[1].ShouldContain("あと 1 開庁日");
        bodies[2].ShouldContain("本日が期限");
    }

    [Fact]
    public async Task A_reminder_another_worker_commits_while_a_chunk_is_being_sent_is_skipped_and_the_rest_of_the_chunk_is_sent()
    {
        using var staff = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        // Deadline Fri 2031-10-31: 5 開庁日 before is 10-24, away from the other test's dates.
        var id = await PublishAsync(staff, "途中で送られた督促", new DateOnly(2031, 10, 31), Respondents);
        // An officer in every 団体, so each of its reminders shows as a notice.
        foreach (var code in Respondents) await App.CreateUserAsync("osaka", $"third.{code}@osaka.example", DemoData.Password, code, Roles.MunicipalOfficer);
        var utc = FixedClock.Tokyo(2031, 10, 24);
        var other = new CommittedMeanwhile(App, $":{id}:");

        var result = await App.ScanAsync(utc, (rules, delivery) => (rules, other.Wrap(delivery)));

        other.Key.ShouldNotBeNull("the engine sends the reminders of 10-24 as one chunk");
        // The other test's survey may have reminders due (or already sent) on this day too: count this survey's only.
        result.AlreadySent.ShouldBeGreaterThanOrEqualTo(1);
        var notices = await App.InTenantAsync("osaka", async sp => await sp.GetRequiredService<DxCollabDbContext>().Notifications
            .Where(n => n.Category == "reminder" && n.SourceKey != null && n.SourceKey.Contains($":{id}:")).Select(n => new { n.UserId, n.SourceKey }).ToListAsync());
        notices.ShouldNotContain(n => n.SourceKey == other.Key, "the other worker told them; our copies were rolled back");
        notices.Select(n => n.SourceKey).Distinct().Count().ShouldBe(3, "the chunk's other three reminders are sent");
        notices.GroupBy(n => n).ShouldAllBe(g => g.Count() == 1);
        (await App.ScanAsync(utc)).Sent.ShouldBe(0);
    }

    /// <summary>Plays another worker that commits the record of the chunk's last reminder (its own transaction and
    /// connection) after this engine has checked what was sent and before it commits.</summary>
    private sealed class CommittedMeanwhile(AppFixture app, string survey)
    {
        public string? Key { get; private set; }
        private AppFixture App { get; } = app;
        private string Survey { get; } = survey;

        public IReminderDelivery Wrap(IReminderDelivery inner) => new Delivery(inner, this);

        private sealed class Delivery(IReminderDelivery inner, CommittedMeanwhile owner) : IReminderDelivery
        {
            public Task DeliverAsync(DxCollabDbContext db, DueReminder reminder, CancellationToken ct) => inner.DeliverAsync(db, reminder, ct);

            public async Task DeliverAsync(DxCollabDbContext db, IReadOnlyList<DueReminder> reminders, CancellationToken ct)
            {
                if (owner.Key is null && reminders.Count > 1 && reminders.LastOrDefault(r => r.Key.Contains(owner.Survey, StringComparison.Ordinal)) is { } last)
                {
                    owner.Key = last.Key;
                    await owner.App.InTenantAsync("osaka", async sp =>
                    {
                        var theirs = sp.GetRequiredService<DxCollabDbContext>();
                        theirs.Set<SentReminder>().Add(new SentReminder { Key = owner.Key, Rule = "other-worker", SentAt = DateTime.UtcNow, RecipientCount = 1 });
                        await theirs.SaveChangesAsync(ct);
                    });
                }
                await inner.DeliverAsync(db, reminders, ct);
            }
        }
    }

    /// <summary>Where the two workers of one round wait for each other: once after finding what is due (then both walk
    /// the reminders in the same order), and once per reminder inside its delivery, before the commit.</summary>
    private sealed class Meeting
    {
        private readonly ConcurrentDictionary<string, (int Arrived, TaskCompletionSource Both)> _points = new();

        /// <summary>Reminder keys that both workers were holding uncommitted at the same time.</summary>
        public ConcurrentBag<string> Contended { get; } = [];

        public (IReadOnlyList<IReminderRule>, IReminderDelivery) Seam(IReadOnlyList<IReminderRule> rules, IReminderDelivery delivery) =>
            (rules.Select(r => (IReminderRule)new HeldRule(r, this)).ToList(), new HeldDelivery(delivery, this));

        /// <summary>Waits until the other worker arrives at the same point; a worker that never comes (it found the
        /// reminder already sent) releases the wait after a while, and the point is then not counted as contended.</summary>
        public async Task MeetAsync(string point)
        {
            var (arrived, both) = _points.AddOrUpdate(point, _ => (1, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)),
                (_, p) => (p.Arrived + 1, p.Both));
            if (arrived == 2)
            {
                if (!point.StartsWith("find:", StringComparison.Ordinal)) Contended.Add(point);
                both.TrySetResult();
            }
            try { await both.Task.WaitAsync(TimeSpan.FromSeconds(15)); }
            catch (TimeoutException) { }
        }
    }

    private sealed class HeldRule(IReminderRule inner, Meeting meeting) : IReminderRule
    {
        public string Name => inner.Name;

        public async Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderScanContext context, CancellationToken ct)
        {
            var due = await inner.FindDueAsync(context, ct);
            await meeting.MeetAsync($"find:{Name}");
            return due.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        }
    }

    private sealed class HeldDelivery(IReminderDelivery inner, Meeting meeting) : IReminderDelivery
    {
        public async Task DeliverAsync(DxCollabDbContext db, DueReminder reminder, CancellationToken ct)
        {
            await inner.DeliverAsync(db, reminder, ct);
            await meeting.MeetAsync(reminder.Key);
        }
    }
}
