using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Surveys.SpecialForms;

/// <summary>Written votes and KPI tables (表決書・KPI進捗表): services and endpoints, wired by <see cref="SurveysModule"/>.</summary>
internal static class SpecialFormsSetup
{
    public static void AddServices(ModuleServices module) { }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi;
}
