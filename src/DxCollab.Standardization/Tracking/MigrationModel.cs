using DxCollab.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

/// <summary>The module's tables (Migration_*). Statuses are stored by name so the database reads plainly.</summary>
public sealed class MigrationModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
        // The 40 steps (reference data, not tenant-owned). The table keeps its Reference_ name from when Platform
        // held it, so moving it here changed no schema.
        b.Entity<MigrationStepDefinition>(e =>
        {
            e.ToTable("Reference_MigrationSteps");
            e.HasKey(x => x.Number);
            e.Property(x => x.Number).ValueGeneratedNever();
            e.Property(x => x.StepId).HasMaxLength(10);
            e.Property(x => x.Item).HasMaxLength(4);
            e.Property(x => x.ItemHeading).HasMaxLength(100);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.WorkbookName).HasMaxLength(200);
            e.HasData(MigrationStepDefinition.All.Select(x => new { x.Number, x.StepId, x.Item, x.ItemHeading, x.Name, x.WorkbookName }));
        });
        b.Entity<BusinessSystem>(e =>
        {
            e.ToTable("Migration_BusinessSystems");
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.HasIndex(x => new { x.OrganizationCode, x.BusinessNumber }).IsUnique();
            e.Property(x => x.SpecificSupportReason).HasMaxLength(500);
            e.Property(x => x.TransitionalMeasures).HasMaxLength(1000);
            e.Property(x => x.VendorName).HasMaxLength(200);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
        });
        b.Entity<StepProgress>(e =>
        {
            e.ToTable("Migration_StepProgress");
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.OrganizationCode, x.BusinessNumber, x.StepNumber }).IsUnique();
            // Tenant-wide reads: the tracking start (停滞 of never-recorded systems) by date, and the overdue steps
            // (dashboard, insights, reminder scan) by open status and planned date (OverdueCandidates).
            e.HasIndex(x => new { x.TenantId, x.UpdatedAt });
            e.HasIndex(x => new { x.TenantId, x.Status, x.PlannedDate });
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
        });
        b.Entity<StepProgressChange>(e =>
        {
            e.ToTable("Migration_StepProgressChanges");
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.Property(x => x.FromStatus).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ToStatus).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.ChangedBy).HasMaxLength(256);
            e.Property(x => x.Source).HasMaxLength(20);
            e.HasIndex(x => new { x.OrganizationCode, x.ChangedAt });
            e.HasIndex(x => new { x.TenantId, x.ChangedAt });
        });
        // The maintained tally of the statuses (ProgressTally): what the dashboard and the progress API read.
        b.Entity<BusinessTally>(e =>
        {
            e.ToTable("Migration_BusinessTallies");
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.HasIndex(x => new { x.OrganizationCode, x.BusinessNumber }).IsUnique();
            e.Ignore(x => x.Counts);
        });
        b.Entity<StepTally>(e =>
        {
            e.ToTable("Migration_StepTallies");
            e.Property(x => x.OrganizationCode).HasMaxLength(6);
            e.HasIndex(x => new { x.OrganizationCode, x.StepNumber }).IsUnique();
        });
        b.Entity<ProgressVersion>(e =>
        {
            e.ToTable("Migration_ProgressVersions");
            e.HasKey(x => x.TenantId);
        });
        b.Entity<MigrationSettings>(e =>
        {
            e.ToTable("Migration_Settings");
            e.HasIndex(x => x.TenantId).IsUnique();
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
        });
        b.Entity<Imports.ImportRun>(e =>
        {
            e.ToTable("Migration_ImportRuns");
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Failure).HasMaxLength(1000);
            e.Property(x => x.RequestedBy).HasMaxLength(256);
            e.Property(x => x.RequestedByUserId).HasMaxLength(450);
            e.Property(x => x.RequestedRoles).HasMaxLength(200);
            e.Property(x => x.RequestedOrganizationCode).HasMaxLength(6);
            e.HasIndex(x => x.CreatedAt);
        });
        b.Entity<Imports.ImportRunFile>(e => e.ToTable("Migration_ImportRunFiles"));
        National.NationalModel.Configure(b);
        Files.EvidenceModel.Configure(b);
        Snapshots.SnapshotModel.Configure(b);
    }
}
