using DxCollab.Platform.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Messaging;

/// <summary>Base for consumers that change data: the change and the inbox row commit together, so a redelivered
/// message (same MessageId) is recognised and changes nothing the second time. The DbContext is the consumer's own,
/// created after the consume filter set the message's tenant.</summary>
public abstract class IdempotentConsumer<T>(DxCollabDbContext db, TimeProvider clock) : IConsumer<T> where T : class
{
    protected DxCollabDbContext Db { get; } = db;

    // A database outage is waited out by the bus's outage retry (MessagingExtensions), each attempt with a new scope and
    // so a new DbContext: nothing a failed attempt added is saved by the next.
    public async Task Consume(ConsumeContext<T> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(T).Name} has no MessageId; it cannot be de-duplicated.");
        var consumer = GetType().FullName!;
        await using var transaction = await Db.Database.BeginTransactionAsync(context.CancellationToken);
        if (await Db.ProcessedMessages.AnyAsync(p => p.MessageId == messageId && p.Consumer == consumer, context.CancellationToken))
            return;
        await HandleAsync(context);
        Db.ProcessedMessages.Add(new ProcessedMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = clock.GetUtcNow().UtcDateTime });
        await Db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }

    /// <summary>Apply the message to <see cref="Db"/>; do not call SaveChanges (the base commits with the inbox row).</summary>
    protected abstract Task HandleAsync(ConsumeContext<T> context);
}
