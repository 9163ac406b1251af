using DxCollab.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Domain;

/// <summary>Workspaces and their members (Procurement_*). Each slice has its own model contributor beside its entities.</summary>
public sealed class WorkspaceModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<Workspace>(e =>
        {
            e.ToTable("Procurement_Workspaces");
            e.Property(x => x.Subject).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.LeadOrganizationCode).HasMaxLength(6);
            e.Property(x => x.Phase).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => x.LeadOrganizationCode);
        });
        b.Entity<WorkspaceMember>(e =>
        {
            e.ToTable("Procurement_Members");
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.OrganizationName).HasMaxLength(100);
            e.Property(x => x.OrganizationTenant).HasMaxLength(64);
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.InvitedBy).HasMaxLength(256);
            e.Property(x => x.EndedBy).HasMaxLength(256);
            e.Property(x => x.EndedReason).HasMaxLength(1000);
            e.Property(x => x.Conditions).HasMaxLength(2000);
            // One row per organisation and workspace: a re-invitation revives the row (its history is in the audit).
            e.HasIndex(x => new { x.WorkspaceId, x.OrganizationCode }).IsUnique();
            e.HasIndex(x => new { x.OrganizationCode, x.State });
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PhaseChange>(e =>
        {
            e.ToTable("Procurement_PhaseChanges");
            e.Property(x => x.From).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.To).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ChangedBy).HasMaxLength(256);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.HasIndex(x => x.WorkspaceId);
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Milestone>(e =>
        {
            e.ToTable("Procurement_Milestones");
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.OwnerOrganizationCode).HasMaxLength(6);
            e.Property(x => x.OwnerOrganizationName).HasMaxLength(100);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.DoneBy).HasMaxLength(256);
            e.HasIndex(x => new { x.WorkspaceId, x.DueOn });
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AgreementRecord>(e =>
        {
            e.ToTable("Procurement_Agreements");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.SignatoryCodes).HasMaxLength(2000);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.Ignore(x => x.Signatories);
            e.HasIndex(x => x.WorkspaceId).IsUnique();
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
