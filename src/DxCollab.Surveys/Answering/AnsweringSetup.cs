using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Surveys.Answering;

/// <summary>Answering (回答・下書き・提出・差戻し・期限延長・ファイル): services and endpoints, wired by <see cref="SurveysModule"/>.</summary>
internal static class AnsweringSetup
{
    public static void AddServices(ModuleServices module) { }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi;
}
