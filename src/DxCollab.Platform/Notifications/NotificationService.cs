using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Notifications;

public sealed record NotificationView(long Id, string Category, string? SourceKey, string Title, string Body, string? Link,
    DateTime CreatedAt, DateTime? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}

/// <summary>One message and who receives it, for <see cref="NotificationService.NotifyEachAsync"/>.</summary>
public sealed record NotificationRequest(IEnumerable<string> UserIds, NotificationMessage Message);

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Page, int PageSize, int TotalCount, int UnreadCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>The in-app inbox and the e-mail outbox of the current tenant (the DbContext's). Notifying only adds rows
/// to the caller's DbContext; the caller's SaveChanges commits them with its own change (a reminder record, a survey),
/// so a notice exists exactly when the change does. Reading and marking are per user: a user never reaches another
/// user's rows (and never another tenant's: the DbContext is filtered).</summary>
public sealed class NotificationService(DxCollabDbContext db, NotificationTemplates templates, TimeProvider clock)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Adds an inbox row and a pending e-mail (immediate or digest item, by each user's preference) for every
    /// active user of the current tenant among <paramref name="userIds"/>; unknown, other tenants' and deactivated
    /// users are skipped. Does NOT save: call SaveChanges on the same DbContext. Returns the number of users notified.</summary>
    public Task<int> NotifyAsync(IEnumerable<string> userIds, NotificationMessage message, CancellationToken ct = default) =>
        NotifyEachAsync([new NotificationRequest(userIds, message)], ct);

    /// <summary>As <see cref="NotifyAsync"/> for many messages at once (a reminder scan's chunk): the users and their
    /// preferences are read once for all of them. Returns the number of notices added (users × messages).</summary>
    public async Task<int> NotifyEachAsync(IReadOnlyList<NotificationRequest> requests, CancellationToken ct = default)
    {
        foreach (var request in requests) Validate(request.Message);
        var tenant = db.TenantInfo ?? throw new InvalidOperationException("通知はテナント（都道府県）の中でだけ送れます。TenantScope を開始してください。");
        var recipients = requests.Select(r => r.UserIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList()).ToList();
        var ids = recipients.SelectMany(r => r).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return 0;

        var users = new Dictionary<string, (string? Email, string DisplayName)>(StringComparer.Ordinal);
        var digest = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(1000))
        {
            foreach (var u in await db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id) && u.IsActive)
                         .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(ct))
                users[u.Id] = (u.Email, u.DisplayName);
            digest.UnionWith(await db.NotificationPreferences.AsNoTracking()
                .Where(p => chunk.Contains(p.UserId) && p.EmailDelivery == EmailDelivery.DailyDigest)
                .Select(p => p.UserId).ToListAsync(ct));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var tenantName = tenant.Name ?? tenant.Identifier;

        var notified = 0;
        for (var i = 0; i < requests.Count; i++)
        {
            var message = requests[i].Message;
            foreach (var id in recipients[i])
            {
                if (!users.TryGetValue(id, out var user)) continue;
                notified++;
                db.Notifications.Add(new Notification
                {
                    UserId = id, Category = message.Category, SourceKey = message.SourceKey, Title = message.Title,
                    Body = message.Body, Link = message.Link, CreatedAt = now,
                });
                if (string.IsNullOrWhiteSpace(user.Email)) continue;
                var isDigest = digest.Contains(id);
                var (subject, body) = isDigest
                    ? templates.DigestItem(message)
                    : templates.ImmediateEmail(user.DisplayName, tenantName, tenant.Identifier, message);
                db.PendingEmails.Add(new PendingEmail
                {
                    UserId = id, Recipient = user.Email, Subject = subject, Body = body, IsDigestItem = isDigest, CreatedAt = now,
                });
            }
        }
        return notified;
    }

    /// <summary>The officers of the 団体 with this 団体コード (its active MunicipalOfficers, current tenant). Does not save.</summary>
    public async Task<int> NotifyOrganizationAsync(string organizationCode, NotificationMessage message, CancellationToken ct = default)
    {
        var officers = await Reminders.ReminderRecipients.OfficersAsync(db, [organizationCode], ct);
        return await NotifyAsync(officers[organizationCode], message, ct);
    }

    /// <summary>Every active PrefectureAdmin and PrefectureStaff of the current tenant. Does not save.</summary>
    public async Task<int> NotifyPrefectureStaffAsync(NotificationMessage message, CancellationToken ct = default) =>
        await NotifyAsync(await Reminders.ReminderRecipients.PrefectureStaffAsync(db, ct), message, ct);

    public Task<int> UnreadCountAsync(string userId, CancellationToken ct = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    /// <summary>The user's notifications, newest first.</summary>
    public async Task<NotificationPage> ListAsync(string userId, int page = 1, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var total = await mine.CountAsync(ct);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var items = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(n => new NotificationView(n.Id, n.Category, n.SourceKey, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
        return new NotificationPage(items.Select(AsUtc).ToList(), page, pageSize, total, unread);
    }

    /// <summary>Marks one of the user's own notifications read (and saves). False when it is not theirs or does not exist.</summary>
    public async Task<bool> MarkReadAsync(string userId, long notificationId, CancellationToken ct = default)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == notificationId && n.UserId == userId, ct);
        if (notification is null) return false;
        if (notification.ReadAt is null)
        {
            notification.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>Marks all of the user's unread notifications read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<EmailDelivery> GetEmailDeliveryAsync(string userId, CancellationToken ct = default) =>
        await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => (EmailDelivery?)p.EmailDelivery).FirstOrDefaultAsync(ct) ?? EmailDelivery.Immediate;

    /// <summary>Sets (and saves) how the user receives e-mails from now on. Notices already waiting keep their kind.</summary>
    public async Task SetEmailDeliveryAsync(string userId, EmailDelivery delivery, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(delivery)) throw new ArgumentOutOfRangeException(nameof(delivery));
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) throw new InvalidOperationException("利用者が見つかりません。");
        var preference = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (preference is null)
        {
            if (delivery == EmailDelivery.Immediate) return;
            db.NotificationPreferences.Add(preference = new NotificationPreference { UserId = userId });
        }
        if (preference.EmailDelivery == delivery && db.Entry(preference).State != EntityState.Added) return;
        preference.EmailDelivery = delivery;
        preference.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Links are paths inside the application ("/osaka/…"): never another site, never a script.</summary>
    public static bool IsSafeLink(string? link) =>
        link is { Length: > 1 } && link[0] == '/' && link[1] != '/' && link[1] != '\\' && !link.Any(char.IsControl);

    private static void Validate(NotificationMessage message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Category);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Title);
        ArgumentNullException.ThrowIfNull(message.Body);
        if (message.Link is not null && !IsSafeLink(message.Link))
            throw new ArgumentException($"通知のリンクはアプリケーション内のパス（/ で始まる）にしてください: {message.Link}", nameof(message));
        if (message.Title.Length > 200) throw new ArgumentException("通知の件名は 200 文字までです。", nameof(message));
        if (message.Body.Length > 4000) throw new ArgumentException("通知の本文は 4000 文字までです。", nameof(message));
        if (message.Category.Length > 50) throw new ArgumentException("通知の種類（Category）は 50 文字までです。", nameof(message));
        if (message.SourceKey?.Length > 200) throw new ArgumentException("通知の対象キー（SourceKey）は 200 文字までです。", nameof(message));
        if (message.Link?.Length > 500) throw new ArgumentException("通知のリンクは 500 文字までです。", nameof(message));
    }

    private static NotificationView AsUtc(NotificationView n) => n with
    {
        CreatedAt = n.CreatedAt.AsUtc(),
        ReadAt = n.ReadAt.AsUtc(),
    };
}
