using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Surveys.FollowUp;

/// <summary>Following up (状況一覧・督促・集計・出力・還元): services and endpoints, wired by <see cref="SurveysModule"/>.</summary>
internal static class FollowUpSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<StatusBoard>();
        module.Services.AddScoped<SurveyResultsService>();
        module.Services.AddScoped<SurveyExporter>();
        // 5 and 1 開庁日 before the deadline and on the day → the 団体; after the deadline one digest → the prefecture.
        module.AddReminderRule<DeadlineReminderRule>();
        module.AddReminderRule<EscalationRule>();
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapFollowUpApi();
}
