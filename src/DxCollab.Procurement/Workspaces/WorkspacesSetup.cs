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
        module.Services.AddScoped<PhaseService>();
        module.Services.AddScoped<MilestoneService>();
        module.Services.AddScoped<AgreementService>();
        // The signed 協定書 (PDF or office file), kept by the lead body's 団体.
        module.AddDemoData<Demo.ProcurementDemoWorkspaces>();
        module.AddUploadPurpose(AgreementService.UploadPurpose, p => p.MaxFileBytes = 20 * 1024 * 1024);
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapWorkspaceApi().MapMemberApi().MapProgressApi();
}
