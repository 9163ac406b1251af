using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Procurement.Costs;

/// <summary>The cost-sharing calculator (均等割・人口割): services and endpoints, wired by <see cref="ProcurementModule"/>.</summary>
internal static class CostsSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<CostShareService>();
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapCostShareApi();
}
