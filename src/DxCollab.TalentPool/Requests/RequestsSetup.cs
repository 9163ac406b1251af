using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.TalentPool.Requests;

/// <summary>Support requests (支援依頼: テーマカード・相談したい・添付): services and endpoints, wired by <see cref="TalentPoolModule"/>.</summary>
internal static class RequestsSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<RequestService>();
        module.Services.AddScoped<RequestMoves>();
        module.Services.AddScoped<RequestConversation>();
        module.AddThreadSubject<RequestThreadSubject>();
        // Documents of a request (仕様書の案, ポリシー, 構成図 …) and of its conversation.
        module.AddUploadPurpose(RequestThreadSubject.UploadPurposeName, p => { p.MaxFileBytes = 10 * 1024 * 1024; p.MaxFilesPerRequest = 5; });
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapRequestApi();
}
