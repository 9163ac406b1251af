using DxCollab.Platform.Data;
using DxCollab.Platform.Notifications;

namespace DxCollab.Platform.Reminders;

/// <summary>Reminders reach people as in-app notifications and e-mails (immediate or in the daily digest, as each user
/// chose), added to the engine's DbContext so they commit with the record that the reminder was sent.</summary>
public sealed class NotificationReminderDelivery(NotificationService notifications) : IReminderDelivery
{
    public Task DeliverAsync(DxCollabDbContext db, DueReminder reminder, CancellationToken ct) => DeliverAsync(db, [reminder], ct);

    public async Task DeliverAsync(DxCollabDbContext db, IReadOnlyList<DueReminder> reminders, CancellationToken ct) =>
        await notifications.NotifyEachAsync([.. reminders.Select(r => new NotificationRequest(r.RecipientUserIds, Message(r)))], ct);

    private static NotificationMessage Message(DueReminder reminder) =>
        new("reminder", reminder.Title, reminder.Body, reminder.Link) { SourceKey = reminder.Key };
}
