using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Procurement.CrossTenant;

/// <summary>Workspaces across prefectures: membership, document access and approvals carried by messages between tenants: services and endpoints, wired by <see cref="ProcurementModule"/>.</summary>
internal static class CrossTenantSetup
{
    public static void AddServices(ModuleServices module)
    {
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi;
}
