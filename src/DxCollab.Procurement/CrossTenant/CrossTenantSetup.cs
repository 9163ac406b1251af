using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DxCollab.Procurement.CrossTenant;

/// <summary>Workspaces across prefectures: membership, document access and approvals carried by messages between tenants: services and endpoints, wired by <see cref="ProcurementModule"/>.</summary>
internal static class CrossTenantSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<RemoteMemberService>();
        module.Services.AddScoped<SharedWorkspaceService>();
        module.Services.AddScoped<LeadTenantClient>();
        // The documents slice registers the real one (before this slice, so TryAdd leaves it in place).
        module.Services.TryAddScoped<IWorkspaceContent, NoWorkspaceContent>();
        module.AddConsumer<RemoteInvitationReceiver>()
            .AddConsumer<RemoteInvitationAnsweredConsumer>()
            .AddConsumer<RemoteMembershipEndedConsumer>()
            .AddConsumer<RemoteVerdictConsumer>()
            .AddConsumer<RemoteWorkspaceResponder>()
            .AddConsumer<RemoteRevisionResponder>();
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapCrossTenantApi();
}
