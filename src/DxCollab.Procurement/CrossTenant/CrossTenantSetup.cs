using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Procurement.CrossTenant;

/// <summary>Workspaces across prefectures: membership, document access and approvals carried by messages between tenants: services and endpoints, wired by <see cref="ProcurementModule"/>.</summary>
internal static class CrossTenantSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<RemoteMemberService>();
        module.Services.AddScoped<SharedWorkspaceService>();
        module.Services.AddScoped<LeadTenantClient>();
        // IWorkspaceContent (what a remote member may see, download and approve) is the documents slice's.
        module.AddConsumer<RemoteInvitationReceiver>()
            .AddConsumer<RemoteApprovalAskedReceiver>()
            .AddConsumer<RemoteInvitationAnsweredConsumer>()
            .AddConsumer<RemoteMembershipEndedConsumer>()
            .AddConsumer<RemoteVerdictConsumer>()
            .AddConsumer<RemoteWorkspaceResponder>()
            .AddConsumer<RemoteRevisionResponder>();
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapCrossTenantApi();
}
