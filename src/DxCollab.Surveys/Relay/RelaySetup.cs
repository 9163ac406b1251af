using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Surveys.Relay;

/// <summary>National surveys relayed through the prefectures (全国照会の中継、速報・確報) and demo data: services and endpoints, wired by <see cref="SurveysModule"/>.</summary>
internal static class RelaySetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<NationalSurveyService>();
        module.Services.AddScoped<NationalRelayService>();
        module.AddConsumer<NationalSurveyReceiver>()
            .AddConsumer<NationalAnswersForwarder>()
            .AddConsumer<NationalResultConsumer>()
            .AddConsumer<NationalFinalConsumer>()
            .AddDemoData<Demo.SurveyDemoData>();
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi)
    {
        RelayApi.MapTenant(tenantApi);
        return tenantApi;
    }

    /// <summary>Host-level endpoints (<c>/api/v1/national/surveys</c>).</summary>
    public static void MapHostApi(IEndpointRouteBuilder v1) => RelayApi.MapHost(v1);
}
