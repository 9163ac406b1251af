namespace DxCollab.Platform.Messaging;

/// <summary>Message headers DxCollab adds.</summary>
public static class TenantHeaders
{
    /// <summary>The tenant a message belongs to, set from the ambient tenant by the send/publish filters.</summary>
    public const string TenantId = "X-Tenant-Id";
}

/// <summary>Marks a message that belongs to no tenant (e.g. national roll-ups). Every other message must carry a
/// known tenant in its header, or it is refused to the error queue.</summary>
public interface IHostLevelMessage;

/// <summary>A tenant-scoped message may also carry its tenant in the payload; the consume filter then checks that
/// header and payload agree.</summary>
public interface ITenantMessage
{
    string TenantId { get; }
}

/// <summary>Thrown by the consume filter for a message that must not be processed: no tenant, an unknown tenant, or
/// a payload tenant that differs from the header. Never retried; the message goes to the error queue.</summary>
public sealed class TenantRejectedException(string message) : Exception(message);

/// <summary>Marks a consumer whose effects depend on order: its endpoint takes one message at a time, so events are
/// applied in the order the outbox relayed them (commit order).</summary>
public interface IOrderedConsumer;
