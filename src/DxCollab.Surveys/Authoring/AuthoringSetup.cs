using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Surveys.Authoring;

/// <summary>Authoring (作成・公開・名簿・複写・質問スレッド): services and endpoints, wired by <see cref="SurveysModule"/>.</summary>
internal static class AuthoringSetup
{
    public static void AddServices(ModuleServices module) { }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi;
}
