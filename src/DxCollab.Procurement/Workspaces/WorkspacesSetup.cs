using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Procurement.Workspaces;

/// <summary>Workspaces, members, invitations, phases, milestones and the 協定 record: services and endpoints, wired by <see cref="ProcurementModule"/>.</summary>
internal static class WorkspacesSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<WorkspaceService>();
        module.Services.AddScoped<MemberService>();
        module.Services.AddScoped<WorkspaceNotices>();
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapWorkspaceApi().MapMemberApi();
}
