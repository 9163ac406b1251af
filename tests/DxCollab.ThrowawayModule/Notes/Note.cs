using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.ThrowawayModule.Notes;

/// <summary>A note a tenant keeps: tenant-owned, so isolated like every other tenant row.</summary>
public sealed class Note : ITenantOwned
{
    public long Id { get; set; }
    public string TenantId { get; set; } = "";
    public string Text { get; set; } = "";
    public DateOnly WrittenOn { get; set; }
}

public sealed class NotesModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<Note>(e =>
    {
        e.ToTable("Throwaway_Notes");
        e.Property(n => n.Text).HasMaxLength(200);
    });
}

public sealed class NoteOptions
{
    public const string Section = "Throwaway:Notes";
    public int StaleAfterDays { get; set; } = 30;
}
