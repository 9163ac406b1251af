using DxCollab.Platform.Reminders;

namespace DxCollab.Platform.Tests.Notifications;

/// <summary>What every module's reminder rules build on: who is told, the keys, and when a subject was last told.</summary>
public sealed class ReminderHelpersTests : NotificationTestBase
{
    [Fact]
    public async Task Officers_are_the_active_users_of_each_organisation()
    {
        using var db = Database.CreateContext(Osaka);
        var officers = await ReminderRecipients.OfficersAsync(db, ["272035", "273830", "999999"], CancellationToken.None);

        officers["272035"].ShouldBe([Toyonaka]);
        officers["273830"].ShouldBe([Chihaya]);
        officers["999999"].ShouldBeEmpty();
    }

    [Fact]
    public async Task The_prefectures_staff_are_its_admins_and_staff_of_this_tenant_only()
    {
        using var db = Database.CreateContext(Osaka);
        var staff = await ReminderRecipients.PrefectureStaffAsync(db, CancellationToken.None);

        staff.Count.ShouldBe(2);
        staff.ShouldBe(new[] { OsakaAdmin, OsakaStaff }.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Keys_name_the_rule_the_subject_and_the_day_or_month()
    {
        ReminderKeys.PerDay("migration:step-overdue:", "272035", new DateOnly(2026, 12, 1)).ShouldBe("migration:step-overdue:272035:2026-12-01");
        ReminderKeys.PerMonth("migration:monthly-request:", "272035", new DateOnly(2026, 12, 15)).ShouldBe("migration:monthly-request:272035:2026-12");
    }

    [Fact]
    public async Task Last_told_is_the_latest_day_before_today_per_subject_in_this_tenant()
    {
        const string prefix = "test:overdue:";
        using (var db = Database.CreateContext(Osaka))
        {
            foreach (var key in new[] { "272035:2026-11-20", "272035:2026-11-27", "272035:2026-12-01", "273830:2026-11-30", "bad-key", "272035:not-a-day" })
                db.Set<SentReminder>().Add(new SentReminder { Key = prefix + key, Rule = "test", SentAt = DateTime.UtcNow, RecipientCount = 1 });
            db.Set<SentReminder>().Add(new SentReminder { Key = "other:272035:2026-11-29", Rule = "other", SentAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        using (var kyoto = Database.CreateContext(Kyoto))
        {
            kyoto.Set<SentReminder>().Add(new SentReminder { Key = prefix + "260002:2026-11-30", Rule = "test", SentAt = DateTime.UtcNow });
            await kyoto.SaveChangesAsync();
        }

        using var osaka = Database.CreateContext(Osaka);
        var last = await ReminderHistory.LastToldAsync(osaka, prefix, new DateOnly(2026, 12, 1), CancellationToken.None);

        last.Count.ShouldBe(2);
        last["272035"].ShouldBe(new DateOnly(2026, 11, 27)); // today's own reminder does not count as "before"
        last["273830"].ShouldBe(new DateOnly(2026, 11, 30));
    }
}
