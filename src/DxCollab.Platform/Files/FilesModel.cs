using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Files;

/// <summary>Platform_Files (descriptions) and Platform_FileContents (bytes of the database store). Modules point at a
/// file by its id without a foreign key; their services commit the file and their own row in one transaction.</summary>
internal static class FilesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<StoredFile>(e =>
        {
            e.ToTable("Platform_Files");
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.UploadedBy).HasMaxLength(256);
            e.Property(x => x.UploadedByUserId).HasMaxLength(450);
            e.Property(x => x.DeletedBy).HasMaxLength(256);
            e.HasIndex(x => x.OrganizationCode);
        });
        b.Entity<StoredFileContent>(e =>
        {
            e.ToTable("Platform_FileContents");
            e.HasKey(x => x.FileId);
            e.Property(x => x.FileId).ValueGeneratedNever();
        });
        b.Entity<StoredFileChunk>(e =>
        {
            e.ToTable("Platform_FileChunks");
            e.HasKey(x => new { x.FileId, x.Index });
            e.Property(x => x.FileId).ValueGeneratedNever();
            e.Property(x => x.Index).ValueGeneratedNever();
        });
    }
}
