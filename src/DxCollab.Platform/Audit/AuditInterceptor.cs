using DxCollab.MultiTenancy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DxCollab.Platform.Audit;

/// <summary>Adds an <see cref="AuditEntry"/> for every added, modified or deleted tenant-owned row in the same
/// SaveChanges (so the audit commits or rolls back with the change). Secrets are masked; a change of bookkeeping
/// columns alone (concurrency stamp, failed-login counter) is not an event worth recording, nor are rows marked
/// <see cref="IAuditExempt"/> (notification delivery bookkeeping).</summary>
public sealed class AuditInterceptor(ICurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Masked = ["PasswordHash", "SecurityStamp", "Value"];
    private static readonly HashSet<string> Bookkeeping = ["ConcurrencyStamp", "AccessFailedCount", "SearchKey"];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddAuditEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>While true, this scope's saves write no audit entries: only for bulk loads that are nobody's action
    /// (the demo figures, tens of thousands of rows); the caller logs the load itself.</summary>
    public bool Suppressed { get; set; }

    private void AddAuditEntries(DbContext? context)
    {
        if (context is null || Suppressed) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.Entity is not AuditEntry and not IAuditExempt && e.Metadata.IsMultiTenant()
                        && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        // Tenancy was enforced before this runs, so every audited row belongs to the context's tenant;
        // the audit rows are stamped here because they are added after that enforcement.
        var tenantId = (context as IMultiTenantDbContext)?.CurrentTenantId;
        foreach (var entry in entries)
        {
            var audit = Describe(entry, now);
            if (audit is null) continue;
            audit.TenantId = tenantId ?? throw new MultiTenancy.MultiTenantException("監査ログを記録するテナントが設定されていません。");
            context.Add(audit);
        }
    }

    private AuditEntry? Describe(EntityEntry entry, DateTime now)
    {
        var properties = entry.Properties.Where(p => p.Metadata.Name != "TenantId").ToList();
        Dictionary<string, object?>? before = null, after = null;
        AuditAction action;
        switch (entry.State)
        {
            case EntityState.Added:
                action = AuditAction.Created;
                after = properties.Where(p => !p.IsTemporary).ToDictionary(p => p.Metadata.Name, p => Show(p, p.CurrentValue));
                break;
            case EntityState.Deleted:
                action = AuditAction.Deleted;
                before = properties.ToDictionary(p => p.Metadata.Name, p => Show(p, p.OriginalValue));
                break;
            default:
                action = AuditAction.Updated;
                var changed = properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                if (changed.All(p => Bookkeeping.Contains(p.Metadata.Name))) return null;
                before = changed.ToDictionary(p => p.Metadata.Name, p => Show(p, p.OriginalValue));
                after = changed.ToDictionary(p => p.Metadata.Name, p => Show(p, p.CurrentValue));
                break;
        }
        return new AuditEntry
        {
            OccurredAt = now,
            UserId = actor.UserId,
            UserEmail = actor.Email,
            OrganizationCode = actor.OrganizationCode,
            RequestId = actor.RequestId,
            Action = action,
            EntityType = entry.Metadata.ClrType.Name == "Dictionary`2" ? entry.Metadata.Name : entry.Metadata.ClrType.Name,
            EntityKey = KeyOf(entry),
            Before = before is null ? null : AuditJson.Serialize(before),
            After = after is null ? null : AuditJson.Serialize(after),
        };
    }

    private static object? Show(PropertyEntry property, object? value) =>
        Masked.Contains(property.Metadata.Name) && value is not null ? "***" : value;

    private static string KeyOf(EntityEntry entry)
    {
        if (entry.Entity is IHasAuditKey keyed) return keyed.AuditKey;
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null) return "";
        var parts = key.Properties.Select(p => entry.Property(p.Name)).ToList();
        return parts.Any(p => p.IsTemporary) ? "(新規)" : string.Join("/", parts.Select(p => p.CurrentValue));
    }
}
