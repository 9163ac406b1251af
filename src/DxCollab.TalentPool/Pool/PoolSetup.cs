using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.TalentPool.Pool;

/// <summary>Pool and experts (プール・専門人材・スキル分野): services and endpoints, wired by <see cref="TalentPoolModule"/>.</summary>
internal static class PoolSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<PoolDirectory>();
        module.Services.AddScoped<ExpertService>();
        module.Services.AddScoped<CapacityChange>();
        module.Services.AddScoped<SkillAreaService>();
        module.Services.AddScoped<ExpertAccounts>();
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapExpertApi().MapSkillApi();
}
