using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.TalentPool.Matching;

/// <summary>Matching and assignment (候補・割当・容量): services and endpoints, wired by <see cref="TalentPoolModule"/>.</summary>
internal static class MatchingSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<CapacityLedger>();
        module.Services.AddScoped<AssignmentNotices>();
        module.Services.AddScoped<AssignmentService>();
        module.Services.AddScoped<CandidateService>();
        module.AddReminderRule<AssignmentReminderRule>();
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapAssignmentApi().MapCandidateApi();
}
