using DxCollab.Platform.Modules;
using DxCollab.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Vendors;

/// <summary>Vendor questions with their notes, and the RFI matrix (Procurement_*).</summary>
public sealed class VendorsModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<VendorQuestion>(e =>
        {
            e.ToTable("Procurement_VendorQuestions");
            e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.VendorName).HasMaxLength(200);
            e.Property(x => x.Question).HasMaxLength(4000);
            e.Property(x => x.Answer).HasMaxLength(8000);
            e.Property(x => x.AnsweredBy).HasMaxLength(256);
            e.Property(x => x.PublishedBy).HasMaxLength(256);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.WorkspaceId, x.ReceivedOn });
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<VendorQuestionNote>(e =>
        {
            e.ToTable("Procurement_VendorQuestionNotes");
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.Author).HasMaxLength(256);
            e.Property(x => x.Text).HasMaxLength(2000);
            e.HasIndex(x => x.QuestionId);
            e.HasOne<VendorQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RfiItem>(e =>
        {
            e.ToTable("Procurement_RfiItems");
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Description).HasMaxLength(1000);
            e.HasIndex(x => new { x.WorkspaceId, x.Position });
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RfiAnswer>(e =>
        {
            e.ToTable("Procurement_RfiAnswers");
            e.Property(x => x.VendorName).HasMaxLength(200);
            e.Property(x => x.Answer).HasMaxLength(4000);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            // One answer per vendor and item: recording again replaces it.
            e.HasIndex(x => new { x.ItemId, x.VendorName }).IsUnique();
            e.HasIndex(x => x.WorkspaceId);
            e.HasOne<RfiItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
