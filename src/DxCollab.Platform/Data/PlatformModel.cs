using DxCollab.Platform.Audit;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Data;

/// <summary>The platform's tables: Identity_*, Platform_*, Reference_*.</summary>
internal static class PlatformModel
{
    public static void Configure(ModelBuilder b)
    {
        ConfigureIdentity(b);

        b.Entity<Organization>(e =>
        {
            e.ToTable("Platform_Organizations");
            e.HasIndex(o => o.Code).IsUnique();
            e.Property(o => o.Code).HasMaxLength(6).IsFixedLength();
            e.Property(o => o.Name).HasMaxLength(100);
            e.Property(o => o.Kana).HasMaxLength(200);
            e.Property(o => o.SearchKey).HasMaxLength(400);
            e.Property(o => o.SuccessorCode).HasMaxLength(6);
            e.Ignore(o => o.Category);
        });
        b.Entity<OrganizationChange>(e =>
        {
            e.ToTable("Platform_OrganizationChanges");
            e.Property(c => c.OrganizationCode).HasMaxLength(6);
            e.Property(c => c.Before).HasMaxLength(400);
            e.Property(c => c.After).HasMaxLength(400);
            e.Property(c => c.Source).HasMaxLength(200);
            e.HasIndex(c => c.OrganizationCode);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("Platform_AuditEntries");
            e.Property(a => a.EntityType).HasMaxLength(100);
            e.Property(a => a.EntityKey).HasMaxLength(200);
            e.Property(a => a.UserEmail).HasMaxLength(256);
            e.Property(a => a.UserId).HasMaxLength(64);
            e.Property(a => a.OrganizationCode).HasMaxLength(6);
            e.Property(a => a.RequestId).HasMaxLength(64);
            e.HasIndex(a => new { a.TenantId, a.OccurredAt });
        });
        b.Entity<StandardBusiness>(e =>
        {
            e.ToTable("Reference_StandardBusinesses");
            e.HasKey(x => x.Number);
            e.Property(x => x.Number).ValueGeneratedNever();
            e.Property(x => x.OfficialName).HasMaxLength(50);
            e.Property(x => x.WorkbookName).HasMaxLength(50);
            e.HasData(StandardBusiness.All.Select(x => new { x.Number, x.OfficialName, x.WorkbookName, x.ReportedByPrefecture }));
        });
        b.Entity<DataProtectionKey>().ToTable("Platform_DataProtectionKeys");
        ConfigureMessaging(b);
        Notifications.NotificationsModel.Configure(b);
        Files.FilesModel.Configure(b);
        Threads.ThreadsModel.Configure(b);
        b.Entity<Reminders.SentReminder>(e =>
        {
            e.ToTable("Platform_SentReminders");
            e.Property(r => r.Key).HasMaxLength(300);
            e.Property(r => r.Rule).HasMaxLength(100);
            e.HasIndex(r => r.Key).IsUnique();
        });
    }

    private static void ConfigureMessaging(ModelBuilder b)
    {
        b.Entity<Messaging.OutboxMessage>(e =>
        {
            e.ToTable("Platform_OutboxMessages");
            e.HasKey(m => m.Sequence);
            e.HasIndex(m => m.MessageId).IsUnique();
            e.HasIndex(m => new { m.SentAt, m.Sequence });
            e.Property(m => m.Tenant).HasMaxLength(64);
            e.Property(m => m.MessageType).HasMaxLength(400);
            e.Property(m => m.AggregateKey).HasMaxLength(200);
            e.Property(m => m.LastError).HasMaxLength(2000);
        });
        b.Entity<Messaging.ProcessedMessage>(e =>
        {
            e.ToTable("Platform_ProcessedMessages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.Consumer).HasMaxLength(200);
        });
        b.Entity<Messaging.FailedMessage>(e =>
        {
            e.ToTable("Platform_FailedMessages");
            e.Property(m => m.MessageType).HasMaxLength(400);
            e.Property(m => m.Tenant).HasMaxLength(64);
            e.Property(m => m.Queue).HasMaxLength(200);
            e.Property(m => m.Reason).HasMaxLength(4000);
            e.HasIndex(m => m.FailedAt);
        });
    }

    private static void ConfigureIdentity(ModelBuilder b)
    {
        b.Entity<AppUser>(e =>
        {
            e.ToTable("Identity_Users");
            e.Property(u => u.OrganizationCode).HasMaxLength(6);
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.Property(u => u.InvitedBy).HasMaxLength(256);
            e.HasIndex(u => new { u.TenantId, u.OrganizationCode });
            // Identity's EmailIndex is not unique; within a tenant we want it to be (RequireUniqueEmail).
            e.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
        });
        b.Entity<AppRole>().ToTable("Identity_Roles");
        b.Entity<IdentityRoleClaim<string>>().ToTable("Identity_RoleClaims");
        // Rows tied to a user are tenant-owned too (shadow TenantId): their queries are filtered like the user's.
        b.Entity<IdentityUserRole<string>>().ToTable("Identity_UserRoles").HasAnnotation(MultiTenancy.EntityFrameworkCore.ModelBuilderExtensions.MultiTenantAnnotation, true);
        b.Entity<IdentityUserClaim<string>>().ToTable("Identity_UserClaims").HasAnnotation(MultiTenancy.EntityFrameworkCore.ModelBuilderExtensions.MultiTenantAnnotation, true);
        b.Entity<IdentityUserLogin<string>>().ToTable("Identity_UserLogins").HasAnnotation(MultiTenancy.EntityFrameworkCore.ModelBuilderExtensions.MultiTenantAnnotation, true);
        b.Entity<IdentityUserToken<string>>().ToTable("Identity_UserTokens").HasAnnotation(MultiTenancy.EntityFrameworkCore.ModelBuilderExtensions.MultiTenantAnnotation, true);
        var roles = Roles.All.Select((name, i) => new AppRole(name) { Id = $"role-{name.ToLowerInvariant()}", ConcurrencyStamp = $"seed-{i}" });
        b.Entity<AppRole>().HasData(roles);
    }
}
