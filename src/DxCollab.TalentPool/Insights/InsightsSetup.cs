using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.TalentPool.Insights;

/// <summary>Dashboards (稼働率・団体別時間・テーマ別・待ち時間・未依頼の1人情シス), 情報担当職員数 and the demo figures:
/// services and endpoints, wired by <see cref="TalentPoolModule"/>.</summary>
internal static class InsightsSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<DashboardService>();
        module.Services.AddScoped<ItStaffService>();
        module.Services.AddScoped<StartPageService>();
        module.AddDemoData<Demo.TalentDemoData>();
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapInsightsApi();
}
