using DxCollab.Platform.Modules;
using DxCollab.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Polls;

/// <summary>意向調査 and its candidates' answers (Procurement_IntentPolls, Procurement_IntentAnswers).</summary>
public sealed class PollsModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<IntentPoll>(e =>
        {
            e.ToTable("Procurement_IntentPolls");
            e.Property(x => x.Question).HasMaxLength(2000);
            e.Property(x => x.OpenedBy).HasMaxLength(256);
            e.Property(x => x.ClosedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.WorkspaceId, x.ClosedAt });
            e.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<IntentAnswer>(e =>
        {
            e.ToTable("Procurement_IntentAnswers");
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.OrganizationName).HasMaxLength(100);
            e.Property(x => x.Choice).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Conditions).HasMaxLength(2000);
            e.Property(x => x.AnsweredBy).HasMaxLength(256);
            e.HasIndex(x => new { x.PollId, x.OrganizationCode }).IsUnique();
            e.HasIndex(x => x.OrganizationCode);
            e.HasOne<IntentPoll>().WithMany().HasForeignKey(x => x.PollId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
