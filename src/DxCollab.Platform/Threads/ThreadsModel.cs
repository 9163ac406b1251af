using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Threads;

/// <summary>Platform_Threads, Platform_ThreadMessages and Platform_ThreadAttachments. Rows point at each other (and at
/// Platform_Files) by id without foreign keys; <see cref="ThreadService"/> keeps them consistent in one transaction.</summary>
internal static class ThreadsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ConversationThread>(e =>
        {
            e.ToTable("Platform_Threads");
            e.Property(x => x.SubjectType).HasMaxLength(50);
            e.Property(x => x.SubjectKey).HasMaxLength(200);
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.Title).HasMaxLength(ThreadService.MaxTitle);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.ClosedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.SubjectType, x.Status, x.WaitingSince });
            e.HasIndex(x => new { x.SubjectType, x.OrganizationCode, x.SubjectKey });
        });
        b.Entity<ThreadMessage>(e =>
        {
            e.ToTable("Platform_ThreadMessages");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Body).HasMaxLength(ThreadService.MaxBody);
            e.Property(x => x.AuthorName).HasMaxLength(200);
            e.Property(x => x.AuthorEmail).HasMaxLength(256);
            e.Property(x => x.AuthorUserId).HasMaxLength(450);
            e.HasIndex(x => new { x.ThreadId, x.PostedAt });
        });
        b.Entity<ThreadAttachment>(e =>
        {
            e.ToTable("Platform_ThreadAttachments");
            e.HasIndex(x => x.ThreadId);
            e.HasIndex(x => x.FileId).IsUnique();
        });
    }
}
