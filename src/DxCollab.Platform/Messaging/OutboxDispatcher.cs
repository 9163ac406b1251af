using System.Text.Json;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Backbone;
using DxCollab.Platform.Data;
using DxCollab.Platform.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Messaging;

/// <summary>Relays committed outbox rows to the bus in commit order, each under its own tenant (so the publish
/// filter stamps the tenant header), with the row's MessageId. If the broker is down the batch stops at the first
/// failure and is retried later: nothing is lost and nothing overtakes an earlier event. One dispatcher works at a
/// time across instances (a transaction-scoped database lock), so two workers never relay the same rows.
/// It starts relaying only once this process's receive endpoints are ready: on a new broker (or virtual host) the
/// consumers' queues are bound to the message exchanges only then, and RabbitMQ drops what is published to an exchange
/// with nothing bound, so an event relayed earlier was marked sent and never consumed (seen after a restore).</summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IBusControl bus, TenantScope<PrefectureTenant> tenantScope,
    IMultiTenantStore<PrefectureTenant> tenants, IOptions<MessagingOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.Outbox.PollIntervalMilliseconds));
        if (!await EndpointsReadyAsync(stoppingToken)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Keep going while full batches are relayed; wait when idle or after a failure.
                while (await DispatchBatchAsync(stoppingToken) >= options.Value.Outbox.BatchSize) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox dispatch failed; will retry");
            }
            try { await Task.Delay(interval, clock, stoppingToken); } catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>Waits until every receive endpoint of the bus is ready (queues declared and bound), saying so each
    /// minute it is not (a broker that is down, an endpoint that cannot start); false when the host stops first.</summary>
    private async Task<bool> EndpointsReadyAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using var minute = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            minute.CancelAfter(TimeSpan.FromMinutes(1));
            try
            {
                if (await bus.WaitForHealthStatus(BusHealthStatus.Healthy, minute.Token) == BusHealthStatus.Healthy) return true;
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
            if (!stoppingToken.IsCancellationRequested)
                logger.LogWarning("Outbox relay waits for the bus: {Health}", bus.CheckHealth().Description);
        }
        return false;
    }

    /// <summary>Relays one batch from the shared database and from each tenant that has a database of its own
    /// (its outbox rows are written there, in the same transaction as its data); returns how many rows were sent.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        var sent = await DispatchBatchAsync(null, ct);
        foreach (var tenant in (await tenants.GetAllAsync()).Where(t => !string.IsNullOrEmpty(t.ConnectionString)))
            sent += await DispatchBatchAsync(tenant, ct);
        return sent;
    }

    private async Task<int> DispatchBatchAsync(PrefectureTenant? ownDatabase, CancellationToken ct)
    {
        using var _ = tenantScope.Begin(ownDatabase, "outbox");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await DispatcherLock.TryAcquireAsync(db, ct)) return 0;

        var batch = await db.OutboxMessages.Where(m => m.SentAt == null).OrderBy(m => m.Sequence)
            .Take(options.Value.Outbox.BatchSize).ToListAsync(ct);
        var sent = 0;
        foreach (var row in batch)
        {
            try
            {
                await PublishAsync(row, ct);
                row.SentAt = clock.GetUtcNow().UtcDateTime;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                row.Attempts++;
                row.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                logger.LogWarning("Outbox message {MessageId} ({Type}) not relayed yet: {Error}", row.MessageId, row.MessageType, ex.Message);
                break; // keep commit order: nothing after a failed row goes out before it
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return sent;
    }

    private async Task PublishAsync(OutboxMessage row, CancellationToken ct)
    {
        var type = Type.GetType(row.MessageType) ?? throw new InvalidOperationException($"Unknown message type {row.MessageType}");
        var message = JsonSerializer.Deserialize(row.Body, type, OutboxExtensions.Json)!;
        var tenant = row.Tenant is null ? null : await tenants.GetAsync(row.Tenant);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(PublishTimeout);
        using (tenantScope.Begin(tenant, "outbox"))
            await bus.Publish(message, type, context => context.MessageId = row.MessageId, timeout.Token);
    }
}

/// <summary>A lock held for the dispatcher's transaction: PostgreSQL advisory lock, SQL Server app lock. SQLite
/// serialises writers itself (and runs in one process).</summary>
internal static class DispatcherLock
{
    private const long PostgresKey = 0x44_78_43_6F_6C_4F_42; // "DxColOB"

    public static async Task<bool> TryAcquireAsync(DxCollabDbContext db, CancellationToken ct)
    {
        var provider = db.Database.ProviderName ?? "";
        if (provider.Contains("Npgsql"))
            return (await db.Database.SqlQueryRaw<bool>($"SELECT pg_try_advisory_xact_lock({PostgresKey}) AS \"Value\"").ToListAsync(ct)).Single();
        if (provider.Contains("SqlServer"))
            return await db.Database.SqlQueryRaw<int>(
                "DECLARE @r int; EXEC @r = sp_getapplock @Resource = N'DxCollab.Outbox', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 0; SELECT @r AS [Value]")
                .ToListAsync(ct) is [var result] && result >= 0;
        return true;
    }
}
