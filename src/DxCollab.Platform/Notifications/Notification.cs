using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Platform.Notifications;

/// <summary>One entry in a user's in-app inbox (お知らせ). Tenant-owned; a user reads and marks only their own.</summary>
public sealed class Notification : ITenantOwned, Audit.IAuditExempt
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public required string UserId { get; init; }
    /// <summary>What kind of notice, e.g. "reminder", "survey" (see <see cref="NotificationCategories"/>).</summary>
    public required string Category { get; init; }
    /// <summary>The item it is about, e.g. "Surveys:42", so a sender can tell what it already notified.</summary>
    public string? SourceKey { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    /// <summary>Path inside the application, e.g. "/osaka/surveys/42" (never an external address).</summary>
    public string? Link { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? ReadAt { get; set; }

    public bool IsRead => ReadAt is not null;
}

/// <summary>How a user wants notices by e-mail.</summary>
public enum EmailDelivery
{
    /// <summary>One e-mail per notice, sent at once (the default).</summary>
    Immediate = 0,
    /// <summary>One e-mail a business day with everything since the last one.</summary>
    DailyDigest = 1,
}

/// <summary>A user's e-mail preference. No row means <see cref="EmailDelivery.Immediate"/>.</summary>
public sealed class NotificationPreference : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public required string UserId { get; init; }
    public EmailDelivery EmailDelivery { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>An e-mail waiting to be sent (outbox), so nothing is lost while SMTP is down. Immediate e-mails are sent
/// one by one; digest items are collected into one e-mail per user by <see cref="EmailDispatcher.SendDigestAsync"/>.</summary>
public sealed class PendingEmail : ITenantOwned, Audit.IAuditExempt
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public required string UserId { get; init; }
    public required string Recipient { get; set; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public bool IsDigestItem { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? SentAt { get; set; }
    /// <summary>Delivery attempts so far; also the concurrency token that lets only one dispatcher claim a row.</summary>
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>Not before this instant (UTC): set when a row is claimed, so a failed or interrupted send waits.</summary>
    public DateTime? NextAttemptAt { get; set; }
}

/// <summary>Category keys. Modules may use their own; these are the ones the platform knows.</summary>
public static class NotificationCategories
{
    public const string Reminder = "reminder";
    public const string Deadline = "deadline";
    public const string Overdue = "overdue";
    public const string NewItem = "new-item";
    public const string System = "system";
}
