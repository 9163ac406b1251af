using System.Net;
using System.Net.Sockets;
using DxCollab.Platform.Email;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace DxCollab.Platform.Tests.Notifications;

/// <summary>Delivery through a real SMTP server on loopback (MailKit client, SmtpServer package as the server).</summary>
public sealed class EmailDispatcherTests : NotificationTestBase
{
    [Fact]
    public async Task Immediate_emails_arrive_over_smtp_in_utf8_and_are_marked_sent()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await NotifyOsakaAsync([Toyonaka, Chihaya], Templates.DeadlineApproaching(
            new DeadlineItem("豊中市", "照会", "標準化の進捗状況調査", new DateOnly(2026, 12, 4), "/osaka/surveys/42")));

        await using (var db = Database.CreateContext(Osaka))
            (await Dispatcher(db, Smtp(smtp.Port)).SendImmediateAsync()).ShouldBe(new EmailDispatchResult(2, 0, 0));

        smtp.Messages.Count.ShouldBe(2);
        var toToyonaka = smtp.Messages.Single(m => m.To.Mailboxes.Single().Address == "it@city.toyonaka.example");
        toToyonaka.Subject.ShouldBe("【DxCollab】豊中市: 照会「標準化の進捗状況調査」の期限が近づいています（あと3日）");
        toToyonaka.From.Mailboxes.Single().Address.ShouldBe("no-reply@dxcollab.example");
        var text = toToyonaka.Body.ShouldBeOfType<TextPart>();
        text.ContentType.Charset.ShouldBe("utf-8");
        text.Text.ShouldContain("令和8年12月4日（2026-12-04）");
        text.Text.ShouldContain("https://dxcollab.example/osaka/surveys/42");

        await using var check = Database.CreateContext(Osaka);
        var sent = await check.PendingEmails.ToListAsync();
        sent.ShouldNotBeEmpty();
        sent.ShouldAllBe(m => m.SentAt == Database.Clock.Now.UtcDateTime && m.Attempts == 1 && m.LastError == null);
        await using (var again = Database.CreateContext(Osaka))
            (await Dispatcher(again, Smtp(smtp.Port)).SendImmediateAsync()).ShouldBe(EmailDispatchResult.None);
        smtp.Messages.Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_smtp_failure_keeps_the_email_pending_with_the_error_and_a_later_run_sends_it()
    {
        var port = FreePort(); // nothing listens there yet: the SMTP server is "down"
        await NotifyOsakaAsync([Toyonaka], Message());

        await using (var db = Database.CreateContext(Osaka))
            (await Dispatcher(db, Smtp(port)).SendImmediateAsync()).ShouldBe(new EmailDispatchResult(0, 1, 0));
        await using (var check = Database.CreateContext(Osaka))
        {
            var pending = await check.PendingEmails.SingleAsync();
            pending.SentAt.ShouldBeNull();
            pending.Attempts.ShouldBe(1);
            pending.LastError.ShouldNotBeNullOrWhiteSpace();
            pending.NextAttemptAt.ShouldBe(Database.Clock.Now.UtcDateTime + EmailDispatcher.Backoff(1));
        }

        await using var smtp = await TestSmtpServer.StartAsync(port);
        // Within the back-off the e-mail waits; after it, the next run sends it.
        await using (var db = Database.CreateContext(Osaka))
            (await Dispatcher(db, Smtp(port)).SendImmediateAsync()).ShouldBe(EmailDispatchResult.None);
        Database.Clock.Now = Database.Clock.Now.AddMinutes(2);
        await using (var db = Database.CreateContext(Osaka))
            (await Dispatcher(db, Smtp(port)).SendImmediateAsync()).ShouldBe(new EmailDispatchResult(1, 0, 0));

        smtp.Messages.Single().Subject.ShouldBe("【DxCollab】回答期限のお知らせ");
        await using var after = Database.CreateContext(Osaka);
        var sent = await after.PendingEmails.SingleAsync();
        sent.SentAt.ShouldBe(Database.Clock.Now.UtcDateTime);
        sent.Attempts.ShouldBe(2);
        sent.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task A_rejected_message_is_recorded_with_the_servers_answer_and_retried()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.RejectNext = 1;
        await NotifyOsakaAsync([Toyonaka], Message());
        await using (var db = Database.CreateContext(Osaka))
            (await Dispatcher(db, Smtp(smtp.Port)).SendImmediateAsync()).Failed.ShouldBe(1);
        await using (var check = Database.CreateContext(Osaka))
            (await check.PendingEmails.SingleAsync()).LastError.ShouldNotBeNull().ShouldContain("test rejects");

        Database.Clock.Now = Database.Clock.Now.AddHours(1);
        await using (var db = Database.CreateContext(Osaka))
            (await Dispatcher(db, Smtp(smtp.Port)).SendImmediateAsync()).Sent.ShouldBe(1);
        smtp.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_digest_groups_each_users_items_into_one_email()
    {
        await using (var db = Database.CreateContext(Osaka))
        {
            await Service(db).SetEmailDeliveryAsync(Chihaya, EmailDelivery.DailyDigest);
            await Service(db).SetEmailDeliveryAsync(OsakaAdmin, EmailDelivery.DailyDigest);
        }
        await NotifyOsakaAsync([Chihaya, OsakaAdmin, Toyonaka], Message("一件目", "/osaka/surveys/1"));
        await NotifyOsakaAsync([Chihaya], Message("二件目", "/osaka/surveys/2"));
        await NotifyOsakaAsync([Chihaya, OsakaAdmin], Message("三件目", "/osaka/surveys/3"));
        await using var smtp = await TestSmtpServer.StartAsync();

        // The immediate run sends only Toyonaka's e-mail; digest items wait for the digest.
        await using (var db = Database.CreateContext(Osaka))
            (await Dispatcher(db, Smtp(smtp.Port)).SendImmediateAsync()).Sent.ShouldBe(1);
        await using (var db = Database.CreateContext(Osaka))
            (await Dispatcher(db, Smtp(smtp.Port)).SendDigestAsync()).ShouldBe(new EmailDispatchResult(2, 0, 0));

        smtp.Messages.Count.ShouldBe(3);
        var chihaya = smtp.Messages.Single(m => m.To.Mailboxes.Single().Address == "somu@vill.chihayaakasaka.example");
        chihaya.Subject.ShouldBe("【DxCollab】お知らせのまとめ（令和8年12月1日（2026-12-01）・3件）");
        var text = chihaya.Body.ShouldBeOfType<TextPart>().Text;
        text.ShouldStartWith("千早赤阪村 総務課 様");
        text.IndexOf("■ 1. 一件目", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("■ 2. 二件目", StringComparison.Ordinal));
        text.ShouldContain("■ 3. 三件目");
        text.ShouldContain("https://dxcollab.example/osaka/surveys/3");
        var admin = smtp.Messages.Single(m => m.To.Mailboxes.Single().Address == "admin@pref.osaka.example");
        admin.Subject.ShouldEndWith("・2件）");

        await using var check = Database.CreateContext(Osaka);
        (await check.PendingEmails.CountAsync(m => m.SentAt == null)).ShouldBe(0);
        await using (var again = Database.CreateContext(Osaka))
            (await Dispatcher(again, Smtp(smtp.Port)).SendDigestAsync()).ShouldBe(EmailDispatchResult.None);
    }

    [Fact]
    public async Task A_failed_digest_keeps_all_its_items_for_the_next_run()
    {
        await using (var db = Database.CreateContext(Osaka)) await Service(db).SetEmailDeliveryAsync(Chihaya, EmailDelivery.DailyDigest);
        await NotifyOsakaAsync([Chihaya], Message("一件目"));
        await NotifyOsakaAsync([Chihaya], Message("二件目"));
        var port = FreePort();
        await using (var db = Database.CreateContext(Osaka))
            (await Dispatcher(db, Smtp(port)).SendDigestAsync()).Failed.ShouldBe(1);
        await using (var check = Database.CreateContext(Osaka))
        {
            var failed = await check.PendingEmails.ToListAsync();
            failed.ShouldNotBeEmpty();
            failed.ShouldAllBe(m => m.SentAt == null && m.LastError != null && m.Attempts == 1);
        }

        await using var smtp = await TestSmtpServer.StartAsync(port);
        Database.Clock.Now = Database.Clock.Now.AddMinutes(5);
        await using (var db = Database.CreateContext(Osaka))
            (await Dispatcher(db, Smtp(port)).SendDigestAsync()).Sent.ShouldBe(1);
        smtp.Messages.Single().Subject.ShouldEndWith("・2件）");
    }

    [Fact]
    public async Task The_dispatcher_sends_only_its_tenants_emails()
    {
        await NotifyOsakaAsync([Toyonaka], Message());
        var sender = new RecordingSender();
        await using (var kyoto = Database.CreateContext(Kyoto))
            (await Dispatcher(kyoto, sender).SendImmediateAsync()).ShouldBe(EmailDispatchResult.None);
        sender.Sent.ShouldBeEmpty();
        await using var none = Database.CreateContext((PrefectureTenant?)null);
        await Should.ThrowAsync<InvalidOperationException>(() => Dispatcher(none, sender).SendImmediateAsync());
    }

    [Fact]
    public async Task A_second_dispatcher_running_while_the_first_sends_does_not_send_the_same_email()
    {
        await NotifyOsakaAsync([Toyonaka], Message());
        var sender = new RecordingSender();
        EmailDispatchResult? inner = null;
        sender.OnSend = async () =>
        {
            if (inner is not null) return;
            await using var other = Database.CreateContext(Osaka);
            inner = await Dispatcher(other, new RecordingSender()).SendImmediateAsync();
        };
        await using (var db = Database.CreateContext(Osaka))
            (await Dispatcher(db, sender).SendImmediateAsync()).Sent.ShouldBe(1);
        inner.ShouldBe(EmailDispatchResult.None);
        sender.Sent.Count.ShouldBe(1);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class RecordingSender : IEmailSender
    {
        public List<EmailMessage> Sent { get; } = [];
        public Func<Task>? OnSend { get; set; }

        public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
        {
            if (OnSend is not null) await OnSend();
            Sent.Add(message);
        }
    }
}
