using DxCollab.Standardization.Tracking;
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
        // National roll-up: tenant-side recompute → host-level message → host read model.
        services.AddScoped<National.NationalProgressReport>();
        services.AddDxCollabConsumer<National.NationalProgressPublisher>();
        services.AddDxCollabConsumer<National.NationalRollupConsumer>();
        return services;
    }
}
