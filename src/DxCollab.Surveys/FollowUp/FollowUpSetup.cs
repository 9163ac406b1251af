using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Surveys.FollowUp;

/// <summary>Following up (状況一覧・督促・集計・出力・還元): services and endpoints, wired by <see cref="SurveysModule"/>.</summary>
internal static class FollowUpSetup
{
    public static void AddServices(ModuleServices module) { }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi;
}
