using System.Text.Json;
using DxCollab.Platform.Data;

namespace DxCollab.Platform.Messaging;

/// <summary>An integration event written in the same transaction as the change that raised it, and relayed to the
/// bus by <see cref="OutboxDispatcher"/> once committed. Infrastructure, read across tenants by the dispatcher: the
/// tenant is kept in <see cref="Tenant"/> (not a TenantId column, so no tenant filter or row-level security applies).</summary>
public sealed class OutboxMessage
{
    /// <summary>Commit order; the dispatcher relays strictly in this order, so events of one aggregate stay in order.</summary>
    public long Sequence { get; private set; }
    /// <summary>Becomes the bus MessageId, which consumers use to ignore redeliveries.</summary>
    public Guid MessageId { get; init; } = Guid.NewGuid();
    /// <summary>Tenant id, or null for a host-level message.</summary>
    public string? Tenant { get; init; }
    public required string MessageType { get; init; }
    public required string Body { get; init; }
    public string? AggregateKey { get; init; }
    public DateTime OccurredAt { get; init; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

public static class OutboxExtensions
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds an integration event to the context's pending changes: it is stored by the same SaveChanges
    /// (one transaction) and published afterwards under the current tenant. Nothing is lost if the broker is down.</summary>
    public static OutboxMessage AddIntegrationEvent<T>(this DxCollabDbContext db, T message, string? aggregateKey = null) where T : class
    {
        var tenant = message is IHostLevelMessage ? null
            : db.CurrentTenantId ?? throw new MultiTenancy.MultiTenantException($"{typeof(T).Name} はテナントが設定されていないため送れません。");
        var row = new OutboxMessage
        {
            Tenant = tenant,
            MessageType = typeof(T).AssemblyQualifiedName!,
            Body = JsonSerializer.Serialize(message, Json),
            AggregateKey = aggregateKey,
            OccurredAt = DateTime.UtcNow,
        };
        db.OutboxMessages.Add(row);
        return row;
    }

    /// <summary>As <see cref="AddIntegrationEvent"/>, for a message addressed to another tenant than the current one (a
    /// national survey to each prefecture, a joint procurement's invitation to another prefecture): the row is stored
    /// under <see cref="ITenantMessage.TenantId"/>, so it is published with that tenant's header and the receiving
    /// tenant's consume filter accepts it.</summary>
    public static OutboxMessage SendToTenant<T>(this DxCollabDbContext db, T message, string? aggregateKey = null, DateTime? occurredAt = null)
        where T : class, ITenantMessage
    {
        var row = new OutboxMessage
        {
            Tenant = message.TenantId,
            MessageType = typeof(T).AssemblyQualifiedName!,
            Body = JsonSerializer.Serialize(message, Json),
            AggregateKey = aggregateKey,
            OccurredAt = occurredAt ?? DateTime.UtcNow,
        };
        db.OutboxMessages.Add(row);
        return row;
    }
}
