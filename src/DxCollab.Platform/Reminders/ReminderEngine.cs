using System.Data.Common;
using DxCollab.Platform.Data;
using DxCollab.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DxCollab.Platform.Reminders;

public sealed record ReminderScanResult(int Due, int Sent, int AlreadySent);

/// <summary>Evaluates every rule for the current tenant and sends what is due and not yet sent. One query finds which
/// of the due keys were sent before; the rest are sent in chunks, each chunk's <see cref="SentReminder"/> rows committed
/// with its notifications in one transaction. The unique key makes a concurrent worker's copy fail and roll back, so
/// nobody is told twice: a chunk that meets a key sent meanwhile is rolled back and retried one reminder at a time.</summary>
public sealed class ReminderEngine(DxCollabDbContext db, IEnumerable<IReminderRule> rules, IReminderDelivery delivery, TimeProvider clock,
    IServiceProvider services, ILogger<ReminderEngine> logger)
{
    /// <summary>Reminders per transaction: a national first scan sends thousands, and one round trip per reminder was
    /// most of its time (#12); a chunk keeps a transaction (and a conflict's retry) small.</summary>
    public const int ChunkSize = 500;

    private sealed record Pending(IReminderRule Rule, DueReminder Reminder);

    public async Task<ReminderScanResult> RunAsync(CancellationToken ct = default)
    {
        // One connection for the tenant's whole scan (its own tenant only): each of its ≈ 40 queries would otherwise open
        // one from the pool, and on PostgreSQL every open costs a reset and the tenant setting, two round trips (#12).
        await db.Database.OpenConnectionAsync(ct);
        try { return await ScanAsync(ct); }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    private async Task<ReminderScanResult> ScanAsync(CancellationToken ct)
    {
        var context = new ReminderScanContext(db, JapaneseCalendar.TodayInTokyo(clock.GetUtcNow()), services);
        var due = new List<Pending>();
        foreach (var rule in rules)
            foreach (var reminder in await rule.FindDueAsync(context, ct))
                due.Add(new(rule, reminder));

        var sentBefore = await SentKeysAsync(due.Select(d => d.Reminder.Key), ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // A key two rules (or one rule twice) report is one reminder: the first one counts.
        var pending = due.Where(d => !sentBefore.Contains(d.Reminder.Key) && seen.Add(d.Reminder.Key)).ToList();
        var sent = 0;
        foreach (var chunk in pending.Chunk(ChunkSize))
            sent += await SendChunkAsync(chunk, ct);

        if (sent > 0) logger.LogInformation("Sent {Sent} reminders ({Due} due) for tenant {Tenant}", sent, due.Count, db.CurrentTenantId);
        return new(due.Count, sent, due.Count - sent);
    }

    /// <summary>Which of <paramref name="keys"/> this tenant has sent (one query per 1,000 keys).</summary>
    private async Task<HashSet<string>> SentKeysAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        var sent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(1000))
            sent.UnionWith(await db.Set<SentReminder>().AsNoTracking().Where(s => chunk.Contains(s.Key)).Select(s => s.Key).ToListAsync(ct));
        return sent;
    }

    private async Task<int> SendChunkAsync(IReadOnlyList<Pending> chunk, CancellationToken ct)
    {
        if (await TrySendAsync(chunk, ct)) return chunk.Count;
        // Another worker committed some of these first: send the others alone, so only its keys are skipped.
        var sentMeanwhile = await SentKeysAsync(chunk.Select(p => p.Reminder.Key), ct);
        var sent = 0;
        foreach (var one in chunk.Where(p => !sentMeanwhile.Contains(p.Reminder.Key)))
            if (await TrySendAsync([one], ct)) sent++;
        return sent;
    }

    private async Task<bool> TrySendAsync(IReadOnlyList<Pending> reminders, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Set<SentReminder>().AddRange(reminders.Select(p => new SentReminder
        {
            Key = p.Reminder.Key, Rule = p.Rule.Name, SentAt = now, RecipientCount = p.Reminder.RecipientUserIds.Count,
        }));
        await delivery.DeliverAsync(db, [.. reminders.Select(p => p.Reminder)], ct);
        try
        {
            // The records first (a key sent meanwhile fails here), then what the delivery added, in bulk.
            await WriteAddedInBulkAsync<SentReminder>(ct);
            await WriteAddedInBulkAsync<Notifications.Notification>(ct);
            await WriteAddedInBulkAsync<Notifications.PendingEmail>(ct);
            await db.SaveChangesAsync(ct); // anything else a delivery added
            await transaction.CommitAsync(ct);
            // Written and committed: nothing here is read again, so the next chunk's save need not look at them.
            db.ChangeTracker.Clear();
            return true;
        }
        catch (Exception e) when (e is DbUpdateException or DbException && !Messaging.DatabaseOutage.Is(e))
        {
            // Another worker sent one of them first (unique key): forget our copies. A database that is away is not a
            // conflict: it fails the scan (the job runs again) instead of skipping the chunk's reminders one by one.
            await transaction.RollbackAsync(ct);
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList()) entry.State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>The chunk's new rows of one kind, written in bulk (COPY on PostgreSQL) instead of row by row through the
    /// change tracker: a national first scan writes ≈ 15,000 (records, notifications, e-mails), and their save was most of
    /// the scan (#12). These rows are audit-exempt delivery bookkeeping with no save-time logic.</summary>
    private async Task WriteAddedInBulkAsync<T>(CancellationToken ct) where T : class
    {
        var added = db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0) return;
        foreach (var entry in added) entry.State = EntityState.Detached;
        await BulkInsert.WriteAsync(db, added.Select(e => e.Entity).ToList(), ct);
    }
}
