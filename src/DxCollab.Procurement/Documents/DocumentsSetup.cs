using DxCollab.Platform.Modules;
using DxCollab.Procurement.CrossTenant;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Procurement.Documents;

/// <summary>Folders, documents and numbered revisions (第N版), confidentiality labels, approvals per revision, comments and the decisions register: services and endpoints, wired by <see cref="ProcurementModule"/>.</summary>
internal static class DocumentsSetup
{
    public static void AddServices(ModuleServices module)
    {
        // Office documents and PDF up to 50 MB each (Files:Purposes:procurement-document overrides).
        module.AddUploadPurpose(DocumentService.UploadPurpose, p =>
        {
            p.MaxFileBytes = 50L * 1024 * 1024;
            p.Extensions = [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".csv", ".txt", ".zip"];
        });
        module.Services.AddScoped<DocumentReader>();
        module.Services.AddScoped<DocumentService>();
        module.Services.AddScoped<ApprovalService>();
        module.Services.AddScoped<DecisionService>();
        module.Services.AddScoped<IWorkspaceContent, WorkspaceContent>();
        module.AddDemoData<DocumentDemoData>();
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapDocumentApi();
}
