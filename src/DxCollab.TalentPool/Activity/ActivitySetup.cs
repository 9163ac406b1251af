using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.TalentPool.Activity;

/// <summary>Activity and reports (活動記録・支援報告・満足度): services and endpoints, wired by <see cref="TalentPoolModule"/>.</summary>
internal static class ActivitySetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<ActivityLogService>();
        module.Services.AddScoped<SupportReportService>();
        module.Services.AddScoped<ReportBoard>();
        module.Services.AddScoped<SatisfactionService>();
        module.Services.AddScoped<MyAssignments>();
        module.AddReminderRule<ReportReminderRule>();
        // Files of support reports, owned by the supported 団体 (uploads are authorised by the report service).
        module.AddUploadPurpose(SupportReportService.UploadPurpose,
            p => { p.MaxFileBytes = 10 * 1024 * 1024; p.MaxFilesPerRequest = SupportReportService.MaxFiles; });
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapActivityApi();
}
