using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.TalentPool.Advisers;

/// <summary>National adviser catalogue (地域情報化アドバイザー等、国の上限): services and endpoints, wired by <see cref="TalentPoolModule"/>.</summary>
internal static class AdvisersSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<AdviserCatalog>();
        module.Services.AddScoped<AdviserUses>();
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapAdviserTenantApi();

    public static IEndpointRouteBuilder MapHostApi(IEndpointRouteBuilder v1) => v1.MapAdviserHostApi();
}
