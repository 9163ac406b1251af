using DxCollab.MultiTenancy;
using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Tests.Notifications;

public sealed class NotificationServiceTests : NotificationTestBase
{
    [Fact]
    public async Task Notify_adds_inbox_rows_and_pending_emails_to_the_callers_context_without_saving()
    {
        await using var db = Database.CreateContext(Osaka);
        var count = await Service(db).NotifyAsync([Toyonaka, Chihaya], Message());
        count.ShouldBe(2);
        db.ChangeTracker.Entries<Notification>().Count(e => e.State == EntityState.Added).ShouldBe(2);
        db.ChangeTracker.Entries<PendingEmail>().Count(e => e.State == EntityState.Added).ShouldBe(2);

        await using (var other = Database.CreateContext(Osaka))
        {
            (await other.Notifications.CountAsync()).ShouldBe(0, "nothing is committed before the caller saves");
            (await other.PendingEmails.CountAsync()).ShouldBe(0);
        }

        await db.SaveChangesAsync();
        await using var after = Database.CreateContext(Osaka);
        var rows = await after.Notifications.OrderBy(n => n.Id).ToListAsync();
        rows.Select(n => n.UserId).ShouldBe([Toyonaka, Chihaya]);
        rows.ShouldAllBe(n => n.TenantId == "osaka" && n.ReadAt == null && n.Category == NotificationCategories.Reminder
                              && n.SourceKey == "Surveys:42" && n.Link == "/osaka/surveys/42");
        rows[0].CreatedAt.ShouldBe(Database.Clock.Now.UtcDateTime);
        var mails = await after.PendingEmails.OrderBy(m => m.Id).ToListAsync();
        mails.Select(m => m.Recipient).ShouldBe(["it@city.toyonaka.example", "somu@vill.chihayaakasaka.example"]);
        mails.ShouldAllBe(m => !m.IsDigestItem && m.SentAt == null && m.Attempts == 0);
        mails[0].Subject.ShouldBe("【DxCollab】回答期限のお知らせ");
        mails[0].Body.ShouldStartWith("豊中市 情報政策課 様");
        mails[0].Body.ShouldContain(BaseUrl + "/osaka/surveys/42");
        mails[0].Body.ShouldContain(BaseUrl + "/osaka/notifications");
    }

    [Fact]
    public async Task A_caller_that_does_not_save_leaves_no_notification()
    {
        await using (var db = Database.CreateContext(Osaka))
            await Service(db).NotifyAsync([Toyonaka], Message());
        await using var check = Database.CreateContext(Osaka);
        (await check.Notifications.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Tenant_A_never_sees_tenant_B_notifications()
    {
        await NotifyOsakaAsync([Toyonaka, OsakaAdmin], Message());
        await using (var kyoto = Database.CreateContext(Kyoto))
        {
            await Service(kyoto).NotifyAsync([KyotoAdmin], Message("京都の通知", "/kyoto/surveys/1"));
            await kyoto.SaveChangesAsync();
        }

        await using var kyotoDb = Database.CreateContext(Kyoto);
        var kyotoService = Service(kyotoDb);
        (await kyotoDb.Notifications.Select(n => n.Title).ToListAsync()).ShouldBe(["京都の通知"]);
        (await kyotoDb.PendingEmails.Select(m => m.Recipient).ToListAsync()).ShouldBe(["admin@pref.kyoto.example"]);
        // Even asking for an osaka user's inbox by id finds nothing from kyoto.
        (await kyotoService.ListAsync(Toyonaka)).TotalCount.ShouldBe(0);
        (await kyotoService.UnreadCountAsync(Toyonaka)).ShouldBe(0);
        var osakaId = await Database.CreateContext(Osaka).Notifications.Select(n => n.Id).FirstAsync();
        (await kyotoService.MarkReadAsync(Toyonaka, osakaId)).ShouldBeFalse();
        (await kyotoService.MarkAllReadAsync(Toyonaka)).ShouldBe(0);

        await using var osakaDb = Database.CreateContext(Osaka);
        (await osakaDb.Notifications.CountAsync()).ShouldBe(2);
        (await osakaDb.Notifications.AnyAsync(n => n.Title == "京都の通知")).ShouldBeFalse();
        (await osakaDb.Notifications.IgnoreQueryFilters([Constants.TenantQueryFilter]).CountAsync()).ShouldBe(3);
        (await Service(osakaDb).UnreadCountAsync(Toyonaka)).ShouldBe(1);
    }

    [Fact]
    public async Task Notifying_a_user_of_another_tenant_adds_nothing()
    {
        await using var osaka = Database.CreateContext(Osaka);
        (await Service(osaka).NotifyAsync([KyotoAdmin], Message())).ShouldBe(0);
        osaka.ChangeTracker.Entries().ShouldBeEmpty();
    }

    [Fact]
    public async Task Notifying_without_a_tenant_is_refused()
    {
        await using var none = Database.CreateContext((PrefectureTenant?)null);
        await Should.ThrowAsync<InvalidOperationException>(() => Service(none).NotifyAsync([Toyonaka], Message()));
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\\evil.example")]
    public async Task Links_must_be_paths_inside_the_application(string link)
    {
        await using var db = Database.CreateContext(Osaka);
        await Should.ThrowAsync<ArgumentException>(() => Service(db).NotifyAsync([Toyonaka], Message(link: link)));
    }

    [Fact]
    public async Task A_user_cannot_mark_another_users_notification()
    {
        await NotifyOsakaAsync([Toyonaka, Chihaya], Message());
        await using var db = Database.CreateContext(Osaka);
        var service = Service(db);
        var toyonakasId = (await service.ListAsync(Toyonaka)).Items.Single().Id;

        (await service.MarkReadAsync(Chihaya, toyonakasId)).ShouldBeFalse();
        (await service.MarkAllReadAsync(Chihaya)).ShouldBe(1); // only Chihaya's own one
        (await service.UnreadCountAsync(Toyonaka)).ShouldBe(1);
        (await service.UnreadCountAsync(Chihaya)).ShouldBe(0);

        (await service.MarkReadAsync(Toyonaka, toyonakasId)).ShouldBeTrue();
        (await service.UnreadCountAsync(Toyonaka)).ShouldBe(0);
        (await service.MarkReadAsync(Toyonaka, 999_999)).ShouldBeFalse();
    }

    [Fact]
    public async Task The_inbox_lists_newest_first_with_paging_and_the_unread_count()
    {
        for (var i = 1; i <= 25; i++)
        {
            await NotifyOsakaAsync([Toyonaka], Message($"通知 {i}"));
            Database.Clock.Now = Database.Clock.Now.AddMinutes(1);
        }
        await using var db = Database.CreateContext(Osaka);
        var service = Service(db);
        var first = await service.ListAsync(Toyonaka);
        first.TotalCount.ShouldBe(25);
        first.UnreadCount.ShouldBe(25);
        first.PageCount.ShouldBe(2);
        first.Items.Count.ShouldBe(NotificationService.DefaultPageSize);
        first.Items[0].Title.ShouldBe("通知 25");
        first.Items[0].CreatedAt.Kind.ShouldBe(DateTimeKind.Utc);
        var second = await service.ListAsync(Toyonaka, page: 2);
        second.Items.Select(n => n.Title).ShouldBe(["通知 5", "通知 4", "通知 3", "通知 2", "通知 1"]);

        (await service.MarkAllReadAsync(Toyonaka)).ShouldBe(25);
        (await Service(Database.CreateContext(Osaka)).ListAsync(Toyonaka)).UnreadCount.ShouldBe(0);
    }

    [Fact]
    public async Task Organization_helper_notifies_its_active_users_only()
    {
        await using var db = Database.CreateContext(Osaka);
        (await Service(db).NotifyOrganizationAsync("272035", Message())).ShouldBe(1);
        await db.SaveChangesAsync();
        (await db.Notifications.Select(n => n.UserId).ToListAsync()).ShouldBe([Toyonaka]);
    }

    [Fact]
    public async Task Deactivated_users_are_skipped_when_named()
    {
        await using var db = Database.CreateContext(Osaka);
        (await Service(db).NotifyAsync([ToyonakaRetired, Toyonaka, Toyonaka], Message())).ShouldBe(1);
    }

    [Fact]
    public async Task Prefecture_staff_helper_notifies_prefecture_admins_and_staff_of_the_tenant()
    {
        await using var db = Database.CreateContext(Osaka);
        (await Service(db).NotifyPrefectureStaffAsync(Message())).ShouldBe(2);
        await db.SaveChangesAsync();
        (await db.Notifications.Select(n => n.UserId).ToListAsync()).ShouldBe([OsakaAdmin, OsakaStaff], ignoreOrder: true);
    }

    [Fact]
    public async Task Digest_users_get_digest_items_and_the_default_is_immediate()
    {
        await using (var db = Database.CreateContext(Osaka))
        {
            var service = Service(db);
            (await service.GetEmailDeliveryAsync(Chihaya)).ShouldBe(EmailDelivery.Immediate);
            await service.SetEmailDeliveryAsync(Chihaya, EmailDelivery.DailyDigest);
            (await service.GetEmailDeliveryAsync(Chihaya)).ShouldBe(EmailDelivery.DailyDigest);
        }
        await NotifyOsakaAsync([Toyonaka, Chihaya], Message());
        await using var check = Database.CreateContext(Osaka);
        (await check.PendingEmails.SingleAsync(m => m.UserId == Chihaya)).IsDigestItem.ShouldBeTrue();
        (await check.PendingEmails.SingleAsync(m => m.UserId == Toyonaka)).IsDigestItem.ShouldBeFalse();
        // A preference is the user's own setting: kyoto cannot read it.
        (await check.NotificationPreferences.CountAsync()).ShouldBe(1);
        (await Database.CreateContext(Kyoto).NotificationPreferences.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Notices_and_emails_are_not_audited_but_a_preference_change_is()
    {
        int before;
        await using (var db = Database.CreateContext(Osaka)) before = await db.AuditEntries.CountAsync();
        await NotifyOsakaAsync([Toyonaka], Message());
        await using (var db = Database.CreateContext(Osaka))
        {
            (await db.AuditEntries.CountAsync()).ShouldBe(before);
            await Service(db).SetEmailDeliveryAsync(Toyonaka, EmailDelivery.DailyDigest);
        }
        await using var check = Database.CreateContext(Osaka);
        (await check.AuditEntries.Where(a => a.EntityType == nameof(NotificationPreference)).CountAsync()).ShouldBe(1);
    }
}
