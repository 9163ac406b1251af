using DxCollab.Platform.Identity;
using DxCollab.Platform.Modules;
using DxCollab.Standardization.Api;
using DxCollab.Standardization.Tracking;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Standardization;

/// <summary>The 標準化 module: its tables, services, API, pages, menu entries, jobs, reminders and demo figures.</summary>
public sealed class StandardizationModule : IDxModule
{
    public string Name => "標準化";

    public IReadOnlyList<IModelContributor> ModelContributors { get; } = [new MigrationModel()];

    public void AddServices(ModuleServices module)
    {
        var services = module.Services;
        services.AddScoped<StepTracker>();
        services.AddScoped<ProgressReads>();
        services.AddScoped<ProgressReport>();
        // The tally the dashboard reads, kept current by every save of step rows.
        services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, ProgressTallyInterceptor>();
        services.AddScoped<ProgressInsights>();
        // The dashboard's figures, computed once per tenant and change (ProgressVersion, bumped after each such save).
        services.AddSingleton<ProgressFigureStore>();
        services.AddScoped<ProgressFigures>();
        services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, ProgressVersionInterceptor>();
        services.AddScoped<MigrationSettingsEditor>();
        services.AddScoped<WorkbookExchange>();
        services.AddScoped<SystemFacts>();
        services.AddScoped<Imports.ImportRuns>();
        module.AddConsumer<Imports.ImportRunner>();
        // National roll-up: tenant-side recompute → host-level message → host read model.
        services.AddScoped<National.NationalProgressReport>();
        module.AddConsumer<National.NationalProgressPublisher>();
        module.AddConsumer<National.NationalRollupConsumer>();
        // 証跡 and 課題・質問 keep their files in the platform's store (limits per purpose; Migration:Files still read).
        module.AddUploadPurpose(Files.MigrationUploads.Files, p => { p.MaxFileBytes = 10 * 1024 * 1024; p.MaxFilesPerRequest = 5; },
            legacySection: Files.MigrationUploads.LegacySection);
        module.AddUploadPurpose(Files.MigrationUploads.Workbook, p => { p.MaxFileBytes = 20 * 1024 * 1024; p.Extensions = [".xlsx", ".csv"]; });
        services.AddScoped<Evidence.EvidenceService>();
        services.AddScoped<Inquiries.InquiryService>();
        module.AddThreadSubject<Inquiries.MigrationInquirySubject>();
        // Monthly snapshots (1st, 00:10 Tokyo) and the trend; reminders of overdue steps and the monthly update request.
        services.AddScoped<Snapshots.SnapshotService>();
        module.AddTenantRecurringJob<Snapshots.MonthlySnapshotJob>(Snapshots.MonthlySnapshotJob.Name, Snapshots.MonthlySnapshotJob.Cron);
        services.AddScoped<Reminders.OverdueSteps.ScanMemo>();
        module.AddReminderRule<Reminders.OverdueStepRule>();
        module.AddReminderRule<Reminders.OverdueEscalationRule>();
        module.AddReminderRule<Reminders.MonthlyUpdateRequestRule>();
        // 照会 questions may be prefilled with a 団体's 完了率 (Platform prefill contract).
        module.AddPrefillSource<Prefill.CompletionRatePrefill>();
        // Demo mode: the 2026-01 figures, open inquiries, six month-end snapshots.
        module.AddDemoData<Demo.MigrationDemoData>();
        module.AddDemoData<Inquiries.InquiryDemoData>();
        module.AddDemoData<Snapshots.SnapshotDemoData>();
    }

    public void MapTenantApi(IEndpointRouteBuilder tenantApi) =>
        tenantApi.MapMigrationApi().MapMigrationInsightsApi().MapWorkbookApi().MapSystemsApi().MapImportRunsApi()
            .MapEvidenceApi().MapInquiryApi().MapSnapshotApi();

    public void MapHostApi(IEndpointRouteBuilder v1) => v1.MapNationalMigrationApi();

    public IReadOnlyList<PageFolderRule> PageFolders { get; } =
    [
        new("/Migration", Policies.TenantMember),
        new("/National", Policies.NationalViewer, HostLevel: true),
    ];

    // Prefecture staff open the prefecture overview, an officer its own 団体, host users the national figures.
    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("全国の標準化の進捗", Roles.HostRoles, _ => "/ops/migration"),
        new("標準化", [Roles.PrefectureAdmin, Roles.PrefectureStaff], c => $"/{c.Tenant}/migration") { CoversSubpages = true },
        new("標準化", [Roles.MunicipalOfficer], c => c.Claim(DxClaims.OrganizationCode) is { } org ? $"/{c.Tenant}/migration/{org}" : null),
    ];

    public IReadOnlyList<string> Stylesheets { get; } = ["_content/DxCollab.Standardization/css/standardization.css"];
}
