namespace DxCollab.Platform.Messaging;

/// <summary>The inbox: one row per (message, consumer) that has been applied. A redelivered message finds its row and
/// changes nothing the second time. Written in the same transaction as the consumer's own changes.</summary>
public sealed class ProcessedMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTime ProcessedAt { get; init; }
}

/// <summary>A message that failed after all retries (or was refused), kept so SystemAdmin can see why and re-queue it.</summary>
public sealed class FailedMessage
{
    public long Id { get; private set; }
    public Guid? MessageId { get; init; }
    public required string MessageType { get; init; }
    public string? Tenant { get; init; }
    public required string Queue { get; init; }
    public required string Reason { get; init; }
    public required string Body { get; init; }
    public DateTime FailedAt { get; init; }
    public DateTime? RequeuedAt { get; set; }
}
