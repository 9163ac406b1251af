using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.National;

/// <summary>The national read model's table; called from <see cref="Tracking.MigrationModel"/>.</summary>
internal static class NationalModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<NationalProgressVersion>(e =>
        {
            e.ToTable("Migration_NationalVersion");
            e.Property(x => x.Id).ValueGeneratedNever();
        });
        b.Entity<NationalProgressRow>(e =>
        {
            e.ToTable("Migration_NationalRows");
            e.Property(x => x.PrefectureId).HasMaxLength(32);
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.PrefectureId, x.OrganizationCode, x.BusinessNumber }).IsUnique();
        });
    }
}
