using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.TalentPool.Requests;

/// <summary>Support requests (支援依頼: テーマカード・相談したい・添付): services and endpoints, wired by <see cref="TalentPoolModule"/>.</summary>
internal static class RequestsSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<RequestService>();
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapRequestApi();
}
