using DxCollab.Platform.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Messaging;

/// <summary>Base for consumers that change data: the change and the inbox row commit together, so a redelivered
/// message (same MessageId) is recognised and changes nothing the second time. The DbContext is the consumer's own,
/// created after the consume filter set the message's tenant.</summary>
public abstract class IdempotentConsumer<T>(DxCollabDbContext db, TimeProvider clock) : IConsumer<T> where T : class
{
    /// <summary>How long a message waits for a database that went away (restart, crash, failover) before it fails
    /// like any other error: the bus's retries give up within seconds, after which the message would sit in the
    /// _error queue unrecorded, as the failure cannot be written to the absent database (Faults/PostgresOutageTests).</summary>
    public static readonly TimeSpan DatabaseOutagePatience = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DatabaseOutagePause = TimeSpan.FromSeconds(2);

    protected DxCollabDbContext Db { get; } = db;

    public async Task Consume(ConsumeContext<T> context)
    {
        var waiting = System.Diagnostics.Stopwatch.StartNew(); // real time, whatever the business clock says
        while (true)
        {
            try
            {
                await ConsumeOnceAsync(context);
                return;
            }
            catch (Exception e) when (DatabaseOutage.Is(e) && waiting.Elapsed < DatabaseOutagePatience && !context.CancellationToken.IsCancellationRequested)
            {
                Db.ChangeTracker.Clear(); // what HandleAsync added is added again on the next attempt
                await Task.Delay(DatabaseOutagePause, context.CancellationToken);
            }
        }
    }

    private async Task ConsumeOnceAsync(ConsumeContext<T> context)
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
