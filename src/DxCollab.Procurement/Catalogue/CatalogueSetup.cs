using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Procurement.Catalogue;

/// <summary>The case catalogue every tenant reads (host level) and specification sharing on request: services and endpoints, wired by <see cref="ProcurementModule"/>.</summary>
internal static class CatalogueSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<CatalogueService>();
        module.Services.AddScoped<SpecificationService>();
        module.AddConsumer<CaseCatalogueConsumer>()
            .AddConsumer<SpecificationRequestConsumer>()
            .AddConsumer<SpecificationDecisionConsumer>()
            .AddConsumer<SpecificationFileResponder>();
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapCatalogueTenantApi();

    /// <summary>Host-level routes (on /api/v1), e.g. the catalogue every tenant reads.</summary>
    public static IEndpointRouteBuilder MapHostApi(IEndpointRouteBuilder v1) => v1.MapCatalogueHostApi();
}
