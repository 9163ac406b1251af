using DxCollab.Platform.Modules;
using DxCollab.Platform.Prefill;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DxCollab.Surveys.Prefill;

/// <summary>Prefill and delegation (前回回答・他モジュールの値・分担): services and endpoints, wired by <see cref="SurveysModule"/>.</summary>
internal static class PrefillSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<SurveyPrefiller>();
        module.Services.AddScoped<DelegationService>();
        // The registry exists even when no module offers a source (a host built without 標準化).
        module.Services.TryAddScoped<PrefillSources>();
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapDelegationApi();
}
