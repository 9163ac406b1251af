using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Snapshots;

/// <summary>Tables Migration_Snapshots (one per tenant and month) and Migration_SnapshotRows.</summary>
internal static class SnapshotModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<MigrationSnapshot>(e =>
        {
            e.ToTable("Migration_Snapshots");
            e.HasIndex(x => x.Month).IsUnique();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.TakenBy).HasMaxLength(256);
            e.HasMany(x => x.Rows).WithOne().HasForeignKey(r => r.SnapshotId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<MigrationSnapshotRow>(e =>
        {
            e.ToTable("Migration_SnapshotRows");
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.OrganizationName).HasMaxLength(100);
            e.Property(x => x.OrganizationType).HasConversion<string>().HasMaxLength(30);
            e.HasIndex(x => new { x.SnapshotId, x.OrganizationCode, x.BusinessNumber }).IsUnique();
        });
    }
}
