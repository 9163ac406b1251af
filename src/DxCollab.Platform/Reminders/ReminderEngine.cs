using DxCollab.Platform.Data;
using DxCollab.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DxCollab.Platform.Reminders;

public sealed record ReminderScanResult(int Due, int Sent, int AlreadySent);

/// <summary>Evaluates every rule for the current tenant and sends what is due and not yet sent. Each reminder is
/// committed with its <see cref="SentReminder"/> row in one transaction; the unique key makes a concurrent worker's
/// second attempt fail and roll back, so nobody is told twice.</summary>
public sealed class ReminderEngine(DxCollabDbContext db, IEnumerable<IReminderRule> rules, IReminderDelivery delivery, TimeProvider clock,
    IServiceProvider services, ILogger<ReminderEngine> logger)
{
    public async Task<ReminderScanResult> RunAsync(CancellationToken ct = default)
    {
        var context = new ReminderScanContext(db, JapaneseCalendar.TodayInTokyo(clock.GetUtcNow()), services);
        int due = 0, sent = 0, already = 0;
        foreach (var rule in rules)
        {
            foreach (var reminder in await rule.FindDueAsync(context, ct))
            {
                due++;
                if (await db.Set<SentReminder>().AnyAsync(s => s.Key == reminder.Key, ct)) { already++; continue; }
                if (await TrySendAsync(rule, reminder, ct)) sent++; else already++;
            }
        }
        if (sent > 0) logger.LogInformation("Sent {Sent} reminders ({Due} due) for tenant {Tenant}", sent, due, db.CurrentTenantId);
        return new(due, sent, already);
    }

    private async Task<bool> TrySendAsync(IReminderRule rule, DueReminder reminder, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Set<SentReminder>().Add(new SentReminder
        {
            Key = reminder.Key, Rule = rule.Name, SentAt = clock.GetUtcNow().UtcDateTime, RecipientCount = reminder.RecipientUserIds.Count,
        });
        await delivery.DeliverAsync(db, reminder, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another worker sent it first (unique key): forget our copy.
            await transaction.RollbackAsync(ct);
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList()) entry.State = EntityState.Detached;
            return false;
        }
    }
}
