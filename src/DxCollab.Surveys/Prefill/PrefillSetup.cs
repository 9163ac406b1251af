using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Surveys.Prefill;

/// <summary>Prefill and delegation (前回回答・他モジュールの値・分担): services and endpoints, wired by <see cref="SurveysModule"/>.</summary>
internal static class PrefillSetup
{
    public static void AddServices(ModuleServices module) => module.Services.AddScoped<SurveyPrefiller>();

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi;
}
