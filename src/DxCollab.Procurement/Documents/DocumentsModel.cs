using DxCollab.Procurement.Domain;
using DxCollab.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Documents;

/// <summary>The tables of this slice (Procurement_*).</summary>
public sealed class DocumentsModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<DocumentFolder>(e =>
        {
            e.ToTable("Procurement_DocumentFolders");
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.WorkspaceId, x.Name }).IsUnique();
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ProcurementDocument>(e =>
        {
            e.ToTable("Procurement_Documents");
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Confidentiality).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            // The list of a workspace reads its documents by this index (500 documents answer in one range scan).
            e.HasIndex(x => new { x.WorkspaceId, x.FolderId });
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<DocumentFolder>().WithMany().HasForeignKey(x => x.FolderId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<DocumentRevision>(e =>
        {
            e.ToTable("Procurement_DocumentRevisions");
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.ContentType).HasMaxLength(200);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.ChangeNote).HasMaxLength(2000);
            e.Property(x => x.UploadedBy).HasMaxLength(256);
            e.Property(x => x.UploadedByOrganizationCode).HasMaxLength(6);
            // The last guard of revision numbering: never two 第N版 of one document.
            e.HasIndex(x => new { x.DocumentId, x.Number }).IsUnique();
            e.HasIndex(x => x.WorkspaceId);
            e.HasOne<ProcurementDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ApprovalRequest>(e =>
        {
            e.ToTable("Procurement_ApprovalRequests");
            e.Property(x => x.AskedBy).HasMaxLength(256);
            e.Property(x => x.ClosedBy).HasMaxLength(256);
            e.HasIndex(x => x.RevisionId).IsUnique();
            e.HasIndex(x => x.WorkspaceId);
            e.HasOne<DocumentRevision>().WithMany().HasForeignKey(x => x.RevisionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ApprovalVerdict>(e =>
        {
            e.ToTable("Procurement_ApprovalVerdicts");
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.OrganizationName).HasMaxLength(100);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.Property(x => x.DecidedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.RequestId, x.OrganizationCode }).IsUnique();
            e.HasIndex(x => x.RevisionId);
            e.HasOne<ApprovalRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RevisionComment>(e =>
        {
            e.ToTable("Procurement_RevisionComments");
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.Body).HasMaxLength(4000);
            e.Property(x => x.WrittenBy).HasMaxLength(256);
            e.HasIndex(x => x.RevisionId);
            e.HasOne<DocumentRevision>().WithMany().HasForeignKey(x => x.RevisionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Decision>(e =>
        {
            e.ToTable("Procurement_Decisions");
            e.Property(x => x.Matter).HasMaxLength(4000);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.Property(x => x.AttendeeCodes).HasMaxLength(2000);
            e.HasIndex(x => new { x.WorkspaceId, x.DecidedOn });
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<DocumentRevision>().WithMany().HasForeignKey(x => x.BasisRevisionId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
