using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Procurement.Polls;

/// <summary>意向調査 (will you join?): the lead asks every candidate organisation by a deadline, with reminders: services and endpoints, wired by <see cref="ProcurementModule"/>.</summary>
internal static class PollsSetup
{
    public static void AddServices(ModuleServices module)
    {
        module.Services.AddScoped<PollService>();
        module.AddReminderRule<PollReminderRule>();
    }

    public static IEndpointRouteBuilder MapTenantApi(IEndpointRouteBuilder tenantApi) => tenantApi.MapPollApi();
}
