using DxCollab.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.CrossTenant;

/// <summary>The tables of this slice (Procurement_*): the invited tenant's record of other prefectures' workspaces.</summary>
public sealed class CrossTenantModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<SharedWorkspace>(e =>
        {
            e.ToTable("Procurement_SharedWorkspaces");
            e.Property(x => x.SourceTenant).HasMaxLength(64);
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.OrganizationName).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Subject).HasMaxLength(100);
            e.Property(x => x.LeadName).HasMaxLength(100);
            e.Property(x => x.Phase).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.InvitedBy).HasMaxLength(256);
            e.Property(x => x.AnsweredBy).HasMaxLength(256);
            // The lead revives its member row on a re-invitation, so one row here per member row there.
            e.HasIndex(x => new { x.TenantId, x.SourceTenant, x.SourceMemberId }).IsUnique();
            e.HasIndex(x => new { x.OrganizationCode, x.State });
        });
    }
}
