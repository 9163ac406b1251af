using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Surveys.SpecialForms;

/// <summary>Written votes and KPI tables (表決書・KPI進捗表): services and endpoints, wired by <see cref="SurveysModule"/>.</summary>
internal static class SpecialFormsSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<SpecialFormBuilder>();
        module.Services.AddScoped<VoteResultService>();
        module.Services.AddScoped<KpiTableService>();
        module.AddTenantRecurringJob<VoteResultJob>(VoteResultJob.Name, VoteResultJob.Cron);
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi)
    {
        SpecialFormsApi.Map(tenantApi);
        return tenantApi;
    }
}
