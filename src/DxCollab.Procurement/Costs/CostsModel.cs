using DxCollab.Platform.Modules;
using DxCollab.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Costs;

/// <summary>Saved cost splits and their lines (Procurement_*).</summary>
public sealed class CostsModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<CostShare>(e =>
        {
            e.ToTable("Procurement_CostShares");
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.RemainderOrganizationCode).HasMaxLength(6);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => x.WorkspaceId);
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CostShareLine>(e =>
        {
            e.ToTable("Procurement_CostShareLines");
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.OrganizationName).HasMaxLength(100);
            e.HasIndex(x => new { x.CostShareId, x.OrganizationCode }).IsUnique();
            e.HasOne<CostShare>().WithMany().HasForeignKey(x => x.CostShareId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
