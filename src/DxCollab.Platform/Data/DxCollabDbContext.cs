using DxCollab.MultiTenancy;
using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Platform.Audit;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Modules;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Data;

/// <summary>The one DbContext. It is bound to the ambient tenant when constructed: every tenant-owned query is
/// filtered to that tenant (none → no rows) and SaveChanges refuses rows of another tenant.</summary>
public class DxCollabDbContext : IdentityDbContext<AppUser, AppRole, string>, IMultiTenantDbContext, IDataProtectionKeyContext
{
    private readonly IReadOnlyList<IModelContributor> _contributors;

    public DxCollabDbContext(DbContextOptions<DxCollabDbContext> options, IMultiTenantContextAccessor<PrefectureTenant> tenantAccessor,
        IEnumerable<IModelContributor> contributors) : base(options)
    {
        TenantInfo = tenantAccessor.MultiTenantContext.TenantInfo;
        _contributors = contributors.ToList();
        ModelKey = string.Join(";", _contributors.Select(c => c.GetType().FullName));
    }

    /// <summary>Which module contributors shaped the model (part of EF's model cache key).</summary>
    internal string ModelKey { get; }

    public ITenantInfo? TenantInfo { get; }
    public string? CurrentTenantId => TenantInfo?.Id;
    public TenantMismatchMode TenantMismatchMode => TenantMismatchMode.Throw;
    public TenantNotSetMode TenantNotSetMode => TenantNotSetMode.Throw;

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationChange> OrganizationChanges => Set<OrganizationChange>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StandardBusiness> StandardBusinesses => Set<StandardBusiness>();
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;
    public DbSet<Messaging.OutboxMessage> OutboxMessages => Set<Messaging.OutboxMessage>();
    public DbSet<Messaging.ProcessedMessage> ProcessedMessages => Set<Messaging.ProcessedMessage>();
    public DbSet<Messaging.FailedMessage> FailedMessages => Set<Messaging.FailedMessage>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    public DbSet<Notifications.NotificationPreference> NotificationPreferences => Set<Notifications.NotificationPreference>();
    public DbSet<Notifications.PendingEmail> PendingEmails => Set<Notifications.PendingEmail>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ModuleModelCacheKeyFactory>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        PlatformModel.Configure(builder);
        foreach (var contributor in _contributors) contributor.Configure(builder);
        builder.ConfigureMultiTenant(this);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detect = DetectChangesOnce();
        try
        {
            BeforeSave();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally { ChangeTracker.AutoDetectChangesEnabled = detect; }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detect = DetectChangesOnce();
        try
        {
            BeforeSave();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally { ChangeTracker.AutoDetectChangesEnabled = detect; }
    }

    /// <summary>One change-detection pass per save, then none until it ends: otherwise EF and every save interceptor
    /// (tenancy, audit, tally, version) each walk every tracked row again, since each Entries() call detects changes
    /// (#12: a prefecture's import tracks thousands). What the interceptors change after it, they change through EF
    /// (Add, an entry's CurrentValue), which EF sees without detecting. Returns the setting to restore.</summary>
    private bool DetectChangesOnce()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        return detect;
    }

    private void BeforeSave()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("監査ログは追記のみです。変更・削除はできません。");
        this.EnforceMultiTenant();
    }
}
