using DxCollab.Standardization;
using DxCollab.Standardization.Api;
using DxCollab.Standardization.Tracking;
using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Modules;

/// <summary>Every feature module, in one list. A new module adds one line to each member (and a test checks that the
/// model contributors registered at run time are exactly <see cref="ModelContributors"/>).</summary>
public static class ModuleCatalog
{
    /// <summary>For design-time DbContexts (migrations) and model tests.</summary>
    public static IReadOnlyList<IModelContributor> ModelContributors { get; } = [new MigrationModel()];

    public static IServiceCollection AddDxCollabModules(this IServiceCollection services) =>
        services.AddMigrationModule();

    public static IEndpointRouteBuilder MapDxCollabModules(this IEndpointRouteBuilder app) =>
        app.MapMigrationApi().MapMigrationInsightsApi().MapWorkbookApi().MapSystemsApi().MapImportRunsApi()
            .MapNationalMigrationApi().MapEvidenceApi().MapInquiryApi().MapSnapshotApi();
}
