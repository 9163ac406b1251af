using DxCollab.Standardization.Tracking;
using DxCollab.Platform.Files;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Jobs;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Standardization;

public static class MigrationModule
{
    /// <summary>The 標準化 module: its tables, services, API (MapMigrationApi) and pages.</summary>
    public static IServiceCollection AddMigrationModule(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, MigrationModel>();
        // The module's tenant pages live outside the host's /Tenant folder, so they need its TenantMember rule themselves
        // (without it an anonymous visitor passes the tenant check and could read a 団体's grid).
        // PostConfigure: the host registers Razor Pages after the modules, and conventions added before that are lost.
        services.PostConfigure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Migration", Platform.Identity.Policies.TenantMember));
        services.AddScoped<StepTracker>();
        services.AddScoped<ProgressReport>();
        services.AddScoped<ProgressInsights>();
        services.AddScoped<MigrationSettingsEditor>();
        services.AddScoped<WorkbookExchange>();
        services.AddScoped<SystemFacts>();
        services.AddScoped<Imports.ImportRuns>();
        services.AddDxCollabConsumer<Imports.ImportRunner>();
        // National roll-up: tenant-side recompute → host-level message → host read model.
        services.AddScoped<National.NationalProgressReport>();
        services.AddDxCollabConsumer<National.NationalProgressPublisher>();
        services.AddDxCollabConsumer<National.NationalRollupConsumer>();
        // 証跡 and 課題・質問 keep their files in the platform's store (limits per purpose; Migration:Files still read).
        services.AddUploadPurpose(Files.MigrationUploads.Files, p => { p.MaxFileBytes = 10 * 1024 * 1024; p.MaxFilesPerRequest = 5; },
            legacySection: Files.MigrationUploads.LegacySection);
        services.AddUploadPurpose(Files.MigrationUploads.Workbook, p => { p.MaxFileBytes = 20 * 1024 * 1024; p.Extensions = [".xlsx", ".csv"]; });
        services.AddScoped<Evidence.EvidenceService>();
        services.AddScoped<Inquiries.InquiryService>();
        // Monthly snapshots (1st, 00:10 Tokyo) and the trend; reminders of overdue steps and the monthly update request.
        services.AddScoped<Snapshots.SnapshotService>();
        services.AddTenantRecurringJob<Snapshots.MonthlySnapshotJob>(Snapshots.MonthlySnapshotJob.Name, Snapshots.MonthlySnapshotJob.Cron);
        services.AddReminderRule<Reminders.OverdueStepRule>();
        services.AddReminderRule<Reminders.OverdueEscalationRule>();
        services.AddReminderRule<Reminders.MonthlyUpdateRequestRule>();
        // Demo mode: the 2026-01 figures (10), open inquiries (20), six month-end snapshots (30).
        services.AddScoped<IDemoDataContributor, Demo.MigrationDemoData>();
        services.AddScoped<IDemoDataContributor, Inquiries.InquiryDemoData>();
        services.AddScoped<IDemoDataContributor, Snapshots.SnapshotDemoData>();
        return services;
    }
}
