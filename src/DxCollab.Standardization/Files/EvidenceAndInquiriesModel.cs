using DxCollab.Standardization.Evidence;
using DxCollab.Standardization.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Files;

/// <summary>Tables of 証跡 and 課題・質問 threads (the files themselves are the platform's, Platform_Files). Rows point at each
/// other by id without foreign keys, like the rest of the module; the services keep them consistent in one transaction.</summary>
internal static class EvidenceAndInquiriesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<StepEvidence>(e =>
        {
            e.ToTable("Migration_StepEvidence");
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.Description).HasMaxLength(200);
            e.Property(x => x.UploadedBy).HasMaxLength(256);
            e.Property(x => x.UploadedByUserId).HasMaxLength(450);
            e.Property(x => x.DeletedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.OrganizationCode, x.BusinessNumber, x.StepNumber });
            e.HasIndex(x => x.FileId).IsUnique();
        });
        b.Entity<Inquiry>(e =>
        {
            e.ToTable("Migration_Inquiries");
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.Title).HasMaxLength(InquiryService.MaxTitle);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.ClosedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.Status, x.WaitingSince });
            e.HasIndex(x => new { x.OrganizationCode, x.BusinessNumber, x.StepNumber });
        });
        b.Entity<InquiryMessage>(e =>
        {
            e.ToTable("Migration_InquiryMessages");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Body).HasMaxLength(InquiryService.MaxBody);
            e.Property(x => x.AuthorName).HasMaxLength(200);
            e.Property(x => x.AuthorEmail).HasMaxLength(256);
            e.Property(x => x.AuthorUserId).HasMaxLength(450);
            e.HasIndex(x => new { x.InquiryId, x.PostedAt });
        });
        b.Entity<InquiryAttachment>(e =>
        {
            e.ToTable("Migration_InquiryAttachments");
            e.HasIndex(x => x.InquiryId);
            e.HasIndex(x => x.FileId).IsUnique();
        });
    }
}
