using DxCollab.Platform.Data;
using DxCollab.Platform.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DxCollab.Platform.Notifications;

/// <summary>What one dispatcher run did: e-mails sent, e-mails that failed (kept for a later run), rows another
/// dispatcher had already claimed.</summary>
public sealed record EmailDispatchResult(int Sent, int Failed, int Skipped)
{
    public static readonly EmailDispatchResult None = new(0, 0, 0);
}

/// <summary>Sends the current tenant's pending e-mails (run it inside a tenant scope, one DI scope per tenant).
/// Each row is claimed before sending (attempt counter as concurrency token, next attempt pushed back), so two
/// dispatchers never send the same row and a run that dies mid-send is retried later. A failure keeps the row with
/// its error; it is tried again after a back-off (1, 2, 4 … 60 minutes) up to <see cref="MaxAttempts"/> times.</summary>
public sealed class EmailDispatcher(DxCollabDbContext db, IEmailSender sender, NotificationTemplates templates, TimeProvider clock,
    ILogger<EmailDispatcher> logger)
{
    public const int MaxAttempts = 24;
    public const int BatchSize = 200;

    /// <summary>Sends pending immediate e-mails, oldest first (at most <see cref="BatchSize"/> per call).</summary>
    public async Task<EmailDispatchResult> SendImmediateAsync(CancellationToken ct = default)
    {
        RequireTenant();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await Due(now, digest: false).Take(BatchSize).ToListAsync(ct);
        int sent = 0, failed = 0, skipped = 0;
        foreach (var mail in due)
        {
            if (!await ClaimAsync([mail], ct)) { skipped++; continue; }
            if (await TrySendAsync(new EmailMessage(mail.Recipient, mail.Subject, mail.Body), [mail], ct)) sent++; else failed++;
        }
        return new EmailDispatchResult(sent, failed, skipped);
    }

    /// <summary>Sends each digest user ONE e-mail with all of their unsent digest items (oldest first), then marks the
    /// items sent. Scheduling (08:30 Asia/Tokyo on business days) is the caller's.</summary>
    public async Task<EmailDispatchResult> SendDigestAsync(CancellationToken ct = default)
    {
        var tenant = RequireTenant();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await Due(now, digest: true).ToListAsync(ct);
        var userIds = due.Select(m => m.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToDictionaryAsync(u => u.Id, ct);
        int sent = 0, failed = 0, skipped = 0;
        foreach (var group in due.GroupBy(m => m.UserId))
        {
            var items = group.ToList();
            if (!await ClaimAsync(items, ct)) { skipped++; continue; }
            var user = users.GetValueOrDefault(group.Key);
            var recipient = user?.Email is { Length: > 0 } current ? current : items[^1].Recipient;
            var (subject, body) = templates.Digest(user?.DisplayName ?? recipient, tenant.Name ?? tenant.Identifier, tenant.Identifier,
                items.Select(i => (i.Subject, i.Body)).ToList());
            if (await TrySendAsync(new EmailMessage(recipient, subject, body), items, ct)) sent++; else failed++;
        }
        return new EmailDispatchResult(sent, failed, skipped);
    }

    /// <summary>Read untracked: each row is attached only while it is claimed and sent, so every save looks at the rows
    /// of one e-mail (tracking the whole batch made each of its 2 × 200 saves walk all of them: #12, a national reminder
    /// scan's e-mails).</summary>
    private IQueryable<PendingEmail> Due(DateTime now, bool digest) =>
        db.PendingEmails.AsNoTracking().Where(m => m.SentAt == null && m.IsDigestItem == digest && m.Attempts < MaxAttempts
                                    && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id);

    /// <summary>Counts the attempt and pushes the next one back before sending. False when another dispatcher got there first.</summary>
    private async Task<bool> ClaimAsync(IReadOnlyList<PendingEmail> rows, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
        {
            if (db.Entry(row).State == EntityState.Detached) db.Attach(row); // as read: Attempts is the concurrency token
            row.Attempts++;
            row.NextAttemptAt = now + Backoff(row.Attempts);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            foreach (var row in rows) db.Entry(row).State = EntityState.Detached;
            return false;
        }
    }

    private async Task<bool> TrySendAsync(EmailMessage message, IReadOnlyList<PendingEmail> rows, CancellationToken ct)
    {
        bool ok;
        try
        {
            await sender.SendAsync(message, ct);
            var sentAt = clock.GetUtcNow().UtcDateTime;
            foreach (var row in rows)
            {
                row.SentAt = sentAt;
                row.LastError = null;
            }
            ok = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var error = Describe(ex);
            foreach (var row in rows) row.LastError = error;
            logger.LogWarning(ex, "E-mail to {Recipient} failed (attempt {Attempts}); it stays pending", message.To, rows[0].Attempts);
            ok = false;
        }
        // Not the request's token: what was sent must be recorded even when the run is being cancelled.
        await db.SaveChangesAsync(CancellationToken.None);
        foreach (var row in rows) db.Entry(row).State = EntityState.Detached;
        return ok;
    }

    /// <summary>1, 2, 4 … minutes, at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    private static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}";
        return text.Length > 1000 ? text[..1000] : text;
    }

    private MultiTenancy.ITenantInfo RequireTenant() =>
        db.TenantInfo ?? throw new InvalidOperationException("メール送信はテナント（都道府県）ごとに TenantScope の中で実行してください。");
}
