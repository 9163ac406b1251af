using DxCollab.Platform.Data;
using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Platform.Reminders;

/// <summary>One reminder that is due now. <see cref="Key"/> identifies it for ever (e.g.
/// "migration:step-overdue:272035:3:12:municipality"): a key is sent once per tenant, however often the scan runs and
/// however many workers run it. An escalation is simply another reminder with its own key.</summary>
public sealed record DueReminder(string Key, IReadOnlyList<string> RecipientUserIds, string Title, string Body, string? Link = null,
    DateOnly? Deadline = null, string? OrganizationName = null);

/// <summary>What a rule sees: the tenant's DbContext, today's date in Tokyo and the business calendar.</summary>
public sealed record ReminderScanContext(DxCollabDbContext Db, DateOnly TodayInTokyo, IServiceProvider Services);

/// <summary>A module's reminder rule: what is due, who is told, how long before, escalation after. Register with
/// <c>services.AddReminderRule&lt;TRule&gt;()</c>; the engine evaluates it for every tenant on each scan.</summary>
public interface IReminderRule
{
    string Name { get; }
    Task<IReadOnlyList<DueReminder>> FindDueAsync(ReminderScanContext context, CancellationToken ct);
}

/// <summary>Delivers a due reminder (in-app and e-mail) into the same DbContext, without saving: the engine commits it
/// together with the record that it was sent.</summary>
public interface IReminderDelivery
{
    Task DeliverAsync(DxCollabDbContext db, DueReminder reminder, CancellationToken ct);

    /// <summary>Many reminders at once (a chunk of one scan). By default one after the other; a delivery that reads
    /// per recipient (users, preferences) reads once for all of them instead.</summary>
    async Task DeliverAsync(DxCollabDbContext db, IReadOnlyList<DueReminder> reminders, CancellationToken ct)
    {
        foreach (var reminder in reminders) await DeliverAsync(db, reminder, ct);
    }
}

/// <summary>The record that a reminder was sent; unique per tenant and key. Delivery bookkeeping, like the notification
/// it goes with, so not audited (an audit entry per reminder was a third of the reminder scan's writes).</summary>
public sealed class SentReminder : ITenantOwned, Audit.IAuditExempt
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public required string Key { get; init; }
    public required string Rule { get; init; }
    public DateTime SentAt { get; init; }
    public int RecipientCount { get; init; }
}
