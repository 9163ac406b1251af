using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Notifications;

/// <summary>EF configuration of the notification tables (Platform_*), applied by the platform model.</summary>
internal static class NotificationsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Notification>(e =>
        {
            e.ToTable("Platform_Notifications");
            e.Property(n => n.Category).HasMaxLength(50);
            e.Property(n => n.SourceKey).HasMaxLength(200);
            e.Property(n => n.Title).HasMaxLength(200);
            e.Property(n => n.Body).HasMaxLength(4000);
            e.Property(n => n.Link).HasMaxLength(500);
            e.Ignore(n => n.IsRead);
            e.HasOne<Identity.AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
            // The inbox (newest first) and the unread badge.
            e.HasIndex(n => new { n.TenantId, n.UserId, n.CreatedAt });
            e.HasIndex(n => new { n.TenantId, n.UserId, n.ReadAt });
            e.HasIndex(n => new { n.TenantId, n.SourceKey });
        });
        b.Entity<NotificationPreference>(e =>
        {
            e.ToTable("Platform_NotificationPreferences");
            e.HasIndex(p => p.UserId).IsUnique();
            e.HasOne<Identity.AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PendingEmail>(e =>
        {
            e.ToTable("Platform_PendingEmails");
            e.Property(m => m.Recipient).HasMaxLength(256);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.Body).HasMaxLength(8000);
            e.Property(m => m.LastError).HasMaxLength(1000);
            e.Property(m => m.Attempts).IsConcurrencyToken();
            e.HasOne<Identity.AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            // What the dispatcher looks for: unsent rows of one kind, oldest first.
            e.HasIndex(m => new { m.TenantId, m.SentAt, m.IsDigestItem, m.CreatedAt });
        });
    }
}
