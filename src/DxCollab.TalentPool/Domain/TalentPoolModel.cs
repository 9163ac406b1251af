using DxCollab.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Domain;

/// <summary>The module's tables (TalentPool_*). States and kinds are stored by name so the database reads plainly.</summary>
public sealed class TalentPoolModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<ExpertPool>(e =>
        {
            e.ToTable("TalentPool_Pools");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.HostOrganizationCode).HasMaxLength(6);
        });
        b.Entity<SkillArea>(e =>
        {
            e.ToTable("TalentPool_SkillAreas");
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.SeedName).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
        });
        b.Entity<Expert>(e =>
        {
            e.ToTable("TalentPool_Experts", t => t.HasCheckConstraint("CK_TalentPool_Experts_Capacity", "\"MonthlyCapacityHours\" >= 0"));
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.EngagementForm).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.FundingTag).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Affiliation).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => x.PoolId);
            e.HasIndex(x => x.UserId);
            e.HasOne<ExpertPool>().WithMany().HasForeignKey(x => x.PoolId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ExpertSkill>(e =>
        {
            e.ToTable("TalentPool_ExpertSkills");
            e.HasIndex(x => new { x.ExpertId, x.SkillAreaId }).IsUnique();
            e.HasIndex(x => x.SkillAreaId);
            e.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<SkillArea>().WithMany().HasForeignKey(x => x.SkillAreaId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ExpertAvailability>(e =>
        {
            e.ToTable("TalentPool_Availability");
            e.Property(x => x.Note).HasMaxLength(500);
            e.HasIndex(x => x.ExpertId);
            e.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SupportRequest>(e =>
        {
            e.ToTable("TalentPool_Requests");
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.ThemeKey).HasMaxLength(50);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.Urgency).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Mode).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.WithdrawnReason).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.OrganizationCode, x.State });
            e.HasIndex(x => x.State);
        });
        b.Entity<Assignment>(e =>
        {
            e.ToTable("TalentPool_Assignments", t => t.HasCheckConstraint("CK_TalentPool_Assignments_Hours", "\"HoursPerMonth\" > 0"));
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.Mode).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.ExpertId, x.State });
            e.HasIndex(x => x.RequestId);
            e.HasIndex(x => x.OrganizationCode);
            e.HasOne<SupportRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ExpertMonthLoad>(e =>
        {
            // The hard limit lives in the database: no booking can leave a month over the expert's capacity.
            e.ToTable("TalentPool_MonthLoads", t => t.HasCheckConstraint("CK_TalentPool_MonthLoads_WithinCapacity",
                "\"BookedHours\" >= 0 AND \"BookedHours\" <= \"CapacityHours\""));
            e.HasIndex(x => new { x.ExpertId, x.Month }).IsUnique();
            e.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SupportActivity>(e =>
        {
            e.ToTable("TalentPool_Activities", t => t.HasCheckConstraint("CK_TalentPool_Activities_Hours", "\"Hours\" > 0"));
            e.Property(x => x.Hours).HasPrecision(6, 2);
            e.Property(x => x.Mode).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Summary).HasMaxLength(4000);
            e.Property(x => x.LoggedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.AssignmentId, x.Date });
            e.HasOne<Assignment>().WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SupportReport>(e =>
        {
            e.ToTable("TalentPool_Reports");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Body).HasMaxLength(8000);
            e.Property(x => x.SubmittedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.AssignmentId, x.Kind, x.ActivityId }).IsUnique();
            e.HasIndex(x => new { x.SubmittedAt, x.DueDate });
            e.HasOne<Assignment>().WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<SatisfactionAnswer>(e =>
        {
            e.ToTable("TalentPool_Satisfaction", t => t.HasCheckConstraint("CK_TalentPool_Satisfaction_Rating", "\"Rating\" BETWEEN 1 AND 5"));
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.Property(x => x.AnsweredBy).HasMaxLength(256);
            e.HasIndex(x => x.RequestId).IsUnique();
            e.HasOne<SupportRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<OrganizationItStaff>(e =>
        {
            e.ToTable("TalentPool_ItStaff");
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.TenantId, x.OrganizationCode }).IsUnique();
        });
        b.Entity<NationalAdviser>(e =>
        {
            e.ToTable("TalentPool_NationalAdvisers");
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Scheme).HasMaxLength(100);
            e.Property(x => x.Affiliation).HasMaxLength(200);
            e.Property(x => x.Skills).HasMaxLength(1000);
        });
        b.Entity<AdviserUse>(e =>
        {
            e.ToTable("TalentPool_AdviserUses", t => t.HasCheckConstraint("CK_TalentPool_AdviserUses_NationalCaps",
                $"\"OnSiteDays\" >= 0 AND \"OnSiteDays\" <= {NationalAdviser.OnSiteDaysPerUse} AND \"OnlineHours\" >= 0 AND \"OnlineHours\" <= {NationalAdviser.OnlineHoursPerUse}"));
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => x.AdviserId);
            e.HasOne<NationalAdviser>().WithMany().HasForeignKey(x => x.AdviserId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
