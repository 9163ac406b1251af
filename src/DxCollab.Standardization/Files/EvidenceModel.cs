using DxCollab.Standardization.Evidence;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Files;

/// <summary>The table of 証跡 (the files themselves are the platform's, Platform_Files; 課題・質問 are the platform's
/// threads, Platform_Threads). Rows point at files by id without foreign keys; the service keeps them consistent.</summary>
internal static class EvidenceModel
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
    }
}
