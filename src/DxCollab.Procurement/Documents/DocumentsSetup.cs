using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Procurement.Documents;

/// <summary>Folders, documents and numbered revisions (第N版), confidentiality labels, approvals per revision, comments and the decisions register: services and endpoints, wired by <see cref="ProcurementModule"/>.</summary>
internal static class DocumentsSetup
{
    public static void AddServices(ModuleServices module)
    {
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi;
}
