using System.Text.Json;
using DxCollab.Platform.Data;
using DxCollab.Platform.Messaging;

namespace DxCollab.Procurement.CrossTenant;

/// <summary>Writes a message for the OTHER tenant to this tenant's outbox, committed with the change that caused it.
/// <see cref="OutboxExtensions.AddIntegrationEvent{T}"/> stamps the current tenant, which the other side's consume
/// filter would refuse (header and payload must agree): the row carries the tenant the message is for.</summary>
internal static class CrossTenantOutbox
{
    public static void SendToTenant<T>(this DxCollabDbContext db, T message, string aggregateKey) where T : class, ITenantMessage =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            Tenant = message.TenantId,
            MessageType = typeof(T).AssemblyQualifiedName!,
            Body = JsonSerializer.Serialize(message, JsonSerializerOptions.Web),
            AggregateKey = aggregateKey,
            OccurredAt = DateTime.UtcNow,
        });
}
