using System.Text.Json;
using System.Text.Json.Nodes;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Tenancy;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Messaging;

/// <summary>SystemAdmin's view of messages that failed: list them, and send one back to its queue (same MessageId,
/// same tenant), where the consumer's inbox makes sure it is applied at most once.</summary>
public sealed class FailedMessages(DxCollabDbContext db, ISendEndpointProvider sendEndpoints, TenantScope<PrefectureTenant> tenantScope,
    IMultiTenantStore<PrefectureTenant> tenants, TimeProvider clock)
{
    public async Task<IReadOnlyList<FailedMessage>> ListAsync(bool includeRequeued = false, CancellationToken ct = default) =>
        await db.FailedMessages.AsNoTracking().Where(m => includeRequeued || m.RequeuedAt == null)
            .OrderByDescending(m => m.FailedAt).Take(500).ToListAsync(ct);

    /// <summary>Null when re-queued, else why not (in Japanese).</summary>
    public async Task<string?> RequeueAsync(long id, CancellationToken ct = default)
    {
        var failed = await db.FailedMessages.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (failed is null) return "メッセージが見つかりません。";
        if (failed.RequeuedAt is not null) return "このメッセージは既に再送しました。";
        var type = Type.GetType(failed.MessageType);
        if (type is null) return $"メッセージの型 {failed.MessageType} が見つからないため再送できません。";
        var envelope = JsonNode.Parse(failed.Body);
        var payload = envelope?["message"];
        if (payload is null) return "メッセージ本文を読み取れないため再送できません。";
        var message = payload.Deserialize(type, OutboxExtensions.Json)!;
        var tenant = failed.Tenant is null ? null : await tenants.GetAsync(failed.Tenant);
        if (failed.Tenant is not null && tenant is null) return $"テナント {failed.Tenant} が存在しないため再送できません。";

        var endpoint = await sendEndpoints.GetSendEndpoint(new Uri($"queue:{failed.Queue}"));
        using (tenantScope.Begin(tenant, "requeue"))
            await endpoint.Send(message, type, context => { if (failed.MessageId is { } messageId) context.MessageId = messageId; }, ct);
        failed.RequeuedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return null;
    }
}
