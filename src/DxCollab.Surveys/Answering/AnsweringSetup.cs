using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Surveys.Answering;

/// <summary>Answering (回答・下書き・提出・差戻し・期限延長・ファイル): services and endpoints, wired by <see cref="SurveysModule"/>.</summary>
internal static class AnsweringSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<ResponseService>();
        module.Services.AddScoped<ResponseNotices>();
        module.Services.AddScoped<ResponseFiles>();
        module.AddUploadPurpose(SurveyUploads.Answers, policy =>
        {
            policy.MaxFileBytes = 10 * 1024 * 1024;
            policy.Extensions = [.. SurveyUploads.Extensions];
        });
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapResponseApi();
}
