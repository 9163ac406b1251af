using DxCollab.Platform.Modules;
using DxCollab.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Catalogue;

/// <summary>The host-level catalogue, and per tenant the publications and specification requests (Procurement_*).</summary>
public sealed class CatalogueModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<CatalogueCase>(e =>
        {
            e.ToTable("Procurement_CatalogueCases");
            e.HasIndex(x => x.CaseKey).IsUnique();
            e.Property(x => x.SourceTenant).HasMaxLength(64);
            e.Property(x => x.Subject).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.LeadOrganizationName).HasMaxLength(100);
            e.Property(x => x.MemberNames).HasMaxLength(8000);
            e.Property(x => x.Process).HasMaxLength(8000);
            e.Property(x => x.SearchKey).HasMaxLength(400);
            e.HasIndex(x => x.PublishedAt);
        });
        b.Entity<CasePublication>(e =>
        {
            e.ToTable("Procurement_CasePublications");
            e.Property(x => x.PublishedBy).HasMaxLength(256);
            e.HasIndex(x => x.WorkspaceId).IsUnique();
            e.HasIndex(x => x.CaseKey).IsUnique();
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SpecificationRequest>(e =>
        {
            e.ToTable("Procurement_SpecificationRequests");
            e.HasIndex(x => x.RequestKey).IsUnique();
            e.HasIndex(x => x.WorkspaceId);
            e.Property(x => x.RequesterTenant).HasMaxLength(64);
            e.Property(x => x.RequesterOrganizationCode).HasMaxLength(6);
            e.Property(x => x.RequesterOrganizationName).HasMaxLength(100);
            e.Property(x => x.RequestedBy).HasMaxLength(256);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.DecidedBy).HasMaxLength(256);
            e.Property(x => x.DecisionNote).HasMaxLength(2000);
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SpecificationAsk>(e =>
        {
            e.ToTable("Procurement_SpecificationAsks");
            e.HasIndex(x => x.RequestKey).IsUnique();
            e.HasIndex(x => x.OrganizationCode);
            e.Property(x => x.CaseTitle).HasMaxLength(200);
            e.Property(x => x.SourceTenant).HasMaxLength(64);
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.RequestedBy).HasMaxLength(256);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.DecisionNote).HasMaxLength(2000);
        });
    }
}
