using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DxCollab.MultiTenancy.EntityFrameworkCore;

public static class DbContextExtensions
{
    /// <summary>Finbuckle's EnforceMultiTenant: stamps new rows with the current tenant and refuses to save
    /// rows of another tenant, or any tenant-owned row when no tenant is set. Call before base.SaveChanges.</summary>
    public static void EnforceMultiTenant<TContext>(this TContext context) where TContext : DbContext, IMultiTenantDbContext
    {
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Metadata.IsMultiTenant())
            .ToList();
        if (entries.Count == 0) return;

        var current = context.CurrentTenantId
            ?? throw new MultiTenantException($"{entries[0].Metadata.ClrType.Name} を保存しようとしましたが、テナントが設定されていません。");

        foreach (var entry in entries)
        {
            var property = entry.Property(Constants.TenantIdProperty);
            var rowTenant = property.CurrentValue as string;
            switch (entry.State)
            {
                case EntityState.Added when string.IsNullOrEmpty(rowTenant):
                    property.CurrentValue = current;
                    break;
                case EntityState.Modified or EntityState.Deleted when string.IsNullOrEmpty(rowTenant):
                    if (context.TenantNotSetMode == TenantNotSetMode.Throw) throw Mismatch(entry, "(none)", current);
                    property.CurrentValue = current;
                    break;
                default:
                    if (!string.Equals(rowTenant, current, StringComparison.Ordinal)) Resolve(context, entry, property, rowTenant!, current);
                    break;
            }
            // A Modified row must not move to another tenant by changing its TenantId either.
            if (entry.State == EntityState.Modified && property.IsModified &&
                !string.Equals(property.OriginalValue as string, current, StringComparison.Ordinal))
                throw Mismatch(entry, property.OriginalValue as string ?? "(none)", current);
        }
    }

    private static void Resolve(IMultiTenantDbContext context, EntityEntry entry, PropertyEntry property, string rowTenant, string current)
    {
        switch (context.TenantMismatchMode)
        {
            case TenantMismatchMode.Throw: throw Mismatch(entry, rowTenant, current);
            case TenantMismatchMode.Overwrite: property.CurrentValue = current; break;
            case TenantMismatchMode.Ignore: break;
        }
    }

    private static MultiTenantException Mismatch(EntityEntry entry, string rowTenant, string current) =>
        new($"{entry.Metadata.ClrType.Name} のテナント ({rowTenant}) が現在のテナント ({current}) と一致しないため保存できません。");
}
