using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Surveys.Authoring;

/// <summary>Authoring (作成・公開・名簿・複写・質問スレッド): services and endpoints, wired by <see cref="SurveysModule"/>.</summary>
internal static class AuthoringSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<SurveyAuthoring>();
        module.Services.AddScoped<SurveyQuestions>();
        module.AddThreadSubject<SurveyThreadSubject>();
        module.AddUploadPurpose(SurveyThreadSubject.UploadPurposeName, p => { p.MaxFileBytes = 10 * 1024 * 1024; p.MaxFilesPerRequest = 5; });
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapAuthoringApi();
}
