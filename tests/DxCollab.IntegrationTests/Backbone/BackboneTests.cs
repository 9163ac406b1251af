using DxCollab.IntegrationTests.Infrastructure;
using static DxCollab.IntegrationTests.Infrastructure.Eventually;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Jobs;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Tenancy;
using Hangfire;
using Hangfire.Storage;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace DxCollab.IntegrationTests.Backbone;

/// <summary>The backbone on real RabbitMQ and PostgreSQL: tenant header round trip, refusal of tenant-less messages,
/// the outbox across a broker outage, idempotent consumers, and reminders sent once by two job servers.</summary>
[Collection(BackboneCollection.Name)]
public sealed class BackboneTests(BackboneFixture app)
{
    [Fact]
    public async Task An_event_saved_under_osaka_is_consumed_under_osaka_with_the_tenant_header()
    {
        var note = "roundtrip-" + Guid.NewGuid().ToString("N");
        await SaveEventsAsync("osaka", note);

        var seen = await WaitForAsync(() => ProbeLog.For(note), list => list.Count == 1);
        seen[0].HeaderTenant.ShouldBe("osaka");
        seen[0].AmbientTenant.ShouldBe("osaka");
        (await CountRowsAsync("999999", note, tenant: "osaka")).ShouldBe(1);
        (await CountRowsAsync("999999", note, tenant: "kyoto")).ShouldBe(0);
    }

    [Fact]
    public async Task A_host_level_message_runs_without_a_tenant()
    {
        var note = "national-" + Guid.NewGuid().ToString("N");
        using (Scope().Begin(null))
            await app.Host.Services.GetRequiredService<IBus>().Publish(new NationalProbe(note));
        var seen = await WaitForAsync(() => ProbeLog.For(note), list => list.Count == 1);
        seen[0].HeaderTenant.ShouldBeNull();
        seen[0].AmbientTenant.ShouldBeNull();
    }

    [Theory]
    [InlineData(null, "has no X-Tenant-Id header")]
    [InlineData("atlantis", "unknown tenant 'atlantis'")]
    public async Task A_tenant_scoped_message_without_a_known_tenant_goes_to_the_error_queue_unprocessed(string? header, string reason)
    {
        var note = "rejected-" + Guid.NewGuid().ToString("N");
        using (Scope().Begin(null))
            await app.Host.Services.GetRequiredService<IBus>().Publish(new ProbeEvent(note), context =>
            {
                if (header is not null) context.Headers.Set(TenantHeaders.TenantId, header);
            });

        var failed = await WaitForAsync(() => FailedAsync(note), list => list.Count >= 1);
        failed.ShouldHaveSingleItem().Reason.ShouldContain(reason);
        failed[0].Queue.ShouldContain("probe");
        ProbeLog.For(note).ShouldBeEmpty();
        (await CountRowsAsync("999999", note, tenant: null)).ShouldBe(0);
    }

    [Fact]
    public async Task A_failing_consumer_is_retried_then_recorded_once_and_can_be_requeued()
    {
        var note = "poison-" + Guid.NewGuid().ToString("N");
        using (Scope().Begin(await TenantAsync("kyoto")))
            await app.Host.Services.GetRequiredService<IBus>().Publish(new PoisonProbe(note));

        var failed = await WaitForAsync(() => FailedAsync(note), list => list.Count >= 1);
        await Task.Delay(1000);
        failed = await FailedAsync(note);
        failed.ShouldHaveSingleItem().Tenant.ShouldBe("kyoto");
        failed[0].Reason.ShouldContain("probe failure");

        await using var scope = app.Host.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<FailedMessages>().RequeueAsync(failed[0].Id)).ShouldBeNull();
        // It fails again (the consumer still throws) and is recorded again: the re-queue really re-delivered it.
        await WaitForAsync(() => FailedAsync(note), list => list.Count == 2);
    }

    [Fact]
    public async Task A_redelivered_message_changes_nothing_the_second_time()
    {
        var note = "redelivered-" + Guid.NewGuid().ToString("N");
        var messageId = NewId.NextGuid();
        var bus = app.Host.Services.GetRequiredService<IBus>();
        using (Scope().Begin(await TenantAsync("osaka")))
        {
            await bus.Publish(new ProbeEvent(note), c => c.MessageId = messageId);
            await WaitForAsync(() => CountRowsAsync("999999", note, "osaka"), n => n == 1);
            await bus.Publish(new ProbeEvent(note), c => c.MessageId = messageId);
        }
        await Task.Delay(2000);
        (await CountRowsAsync("999999", note, "osaka")).ShouldBe(1);
        ProbeLog.For(note).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Events_written_while_the_broker_is_down_wait_in_the_outbox_and_go_out_in_order_when_it_returns()
    {
        var prefix = "outage-" + Guid.NewGuid().ToString("N");
        await app.EnsureHostsAsync(2); // two workers compete for the queue: order must still hold
        await RabbitMq.CtlAsync("stop_app");
        try
        {
            await SaveEventsAsync("osaka", [.. Enumerable.Range(1, 5).Select(i => $"{prefix}-{i}")]);
            await Task.Delay(3000);
            ProbeLog.For(prefix).ShouldBeEmpty();
            (await UnsentAsync(prefix)).ShouldBe(5);
        }
        finally
        {
            await RabbitMq.CtlAsync("start_app");
        }

        var seen = await WaitForAsync(() => ProbeLog.For(prefix), list => list.Count == 5, TimeSpan.FromSeconds(120));
        seen.Select(o => o.Note).ShouldBe(Enumerable.Range(1, 5).Select(i => $"{prefix}-{i}"));
        seen.ShouldAllBe(o => o.HeaderTenant == "osaka");
        (await UnsentAsync(prefix)).ShouldBe(0);
    }

    [Fact]
    public async Task The_reminder_fires_three_business_days_before_the_deadline_in_tokyo_once_with_two_job_servers()
    {
        var second = (await app.EnsureHostsAsync(2))[1];
        var key = $"probe:deadline:{DeadlineProbeRule.Deadline:yyyy-MM-dd}";

        // 2026-12-24 23:00 in Tokyo (14:00 UTC): not yet — the due day is 12-25, before 年末年始 closes the offices.
        app.Clock.Now = new DateTimeOffset(2026, 12, 24, 14, 0, 0, TimeSpan.Zero);
        (await app.Host.Services.GetRequiredService<ReminderScanJob>().RunAsync("osaka", CancellationToken.None)).Due.ShouldBe(0);

        // 2026-12-25 08:30 in Tokyo, still 12-24 in UTC: due. Both servers run the scan, several times.
        app.Clock.Now = new DateTimeOffset(2026, 12, 24, 23, 30, 0, TimeSpan.Zero);
        var runs = new[] { app.Host, second, app.Host, second }
            .Select(h => Task.Run(() => h.Services.GetRequiredService<ReminderScanJob>().RunAsync("osaka", CancellationToken.None)));
        var results = await Task.WhenAll(runs);
        results.Sum(r => r.Sent).ShouldBe(1);
        // And through Hangfire itself: both servers pick up the triggered recurring job; still one reminder.
        var monitor = app.Host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var succeededBefore = monitor.SucceededListCount();
        foreach (var host in new[] { app.Host, second })
            host.Services.GetRequiredService<IRecurringJobManager>().Trigger("tenant:osaka:reminder-scan");
        (await WaitForAsync(() => monitor.SucceededListCount(), n => n >= succeededBefore + 2)).ShouldBeGreaterThanOrEqualTo(succeededBefore + 2);

        (await CountSentAsync(key, "osaka")).ShouldBe(1);
        (await CountRowsAsync("888888", key, "osaka")).ShouldBe(1);
        (await CountSentAsync(key, "kyoto")).ShouldBe(0);
        app.Clock.Now = null;
    }

    [Fact]
    public void Every_tenant_has_its_reminder_scan_as_a_recurring_job_on_tokyo_time()
    {
        using var connection = app.Host.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs();
        jobs.Count(j => j.Id.EndsWith(":reminder-scan", StringComparison.Ordinal)).ShouldBe(47);
        var osaka = jobs.Single(j => j.Id == "tenant:osaka:reminder-scan");
        osaka.TimeZoneId.ShouldBeOneOf("Asia/Tokyo", "Tokyo Standard Time");
        osaka.Job.Args.ShouldContain("osaka");
    }

    private TenantScope<PrefectureTenant> Scope() => app.Host.Services.GetRequiredService<TenantScope<PrefectureTenant>>();

    private Task<PrefectureTenant?> TenantAsync(string id) => app.Host.Services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync(id);

    private async Task SaveEventsAsync(string tenantId, params string[] notes)
    {
        using var _ = Scope().Begin(await TenantAsync(tenantId));
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
        foreach (var note in notes) db.AddIntegrationEvent(new ProbeEvent(note), aggregateKey: "probe");
        await db.SaveChangesAsync();
    }

    private async Task<List<FailedMessage>> FailedAsync(string note)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
        return await db.FailedMessages.AsNoTracking().Where(m => m.Body.Contains(note)).OrderBy(m => m.Id).ToListAsync();
    }

    private async Task<int> UnsentAsync(string prefix)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
        return await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.Body.Contains(prefix));
    }

    /// <summary>Counted as the postgres superuser, which sees every tenant's rows.</summary>
    private async Task<int> CountRowsAsync(string code, string after, string? tenant)
    {
        await using var connection = new NpgsqlConnection(app.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM \"Platform_OrganizationChanges\" WHERE \"OrganizationCode\" = @code AND \"After\" = @after AND (@tenant::text IS NULL OR \"TenantId\" = @tenant)", connection);
        command.Parameters.AddWithValue("code", code);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("tenant", (object?)tenant ?? DBNull.Value);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    private async Task<int> CountSentAsync(string key, string tenant)
    {
        await using var connection = new NpgsqlConnection(app.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM \"Platform_SentReminders\" WHERE \"Key\" = @key AND \"TenantId\" = @tenant", connection);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("tenant", tenant);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
