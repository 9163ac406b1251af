using DxCollab.Platform.Data;
using Microsoft.Extensions.Logging;

namespace DxCollab.Platform.Reminders;

/// <summary>Placeholder until notifications are wired: records that a reminder went out.</summary>
public sealed class LoggingReminderDelivery(ILogger<LoggingReminderDelivery> logger) : IReminderDelivery
{
    public Task DeliverAsync(DxCollabDbContext db, DueReminder reminder, CancellationToken ct)
    {
        logger.LogInformation("Reminder {Key} to {Count} users: {Title}", reminder.Key, reminder.RecipientUserIds.Count, reminder.Title);
        return Task.CompletedTask;
    }
}
