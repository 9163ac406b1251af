using DxCollab.Platform.Calendar;
using DxCollab.Platform.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Platform.Jobs;

/// <summary>Sends a tenant's pending e-mails (every minute) and its daily digest (08:30 Tokyo, business days only).</summary>
public sealed class EmailDeliveryJob(TenantJobRunner runner, BusinessCalendar calendar, TimeProvider clock)
{
    public async Task<EmailDispatchResult> SendImmediateAsync(string tenantId, CancellationToken ct)
    {
        EmailDispatchResult result = new(0, 0, 0);
        await runner.RunAsync(tenantId, async services => result = await services.GetRequiredService<EmailDispatcher>().SendImmediateAsync(ct));
        return result;
    }

    /// <summary>On a closed day (weekend, 祝日, 年末年始) nothing is sent: the items wait for the next business day's digest.</summary>
    public async Task<EmailDispatchResult?> SendDigestAsync(string tenantId, CancellationToken ct)
    {
        if (calendar.IsClosed(calendar.Today(clock))) return null;
        EmailDispatchResult result = new(0, 0, 0);
        await runner.RunAsync(tenantId, async services => result = await services.GetRequiredService<EmailDispatcher>().SendDigestAsync(ct));
        return result;
    }
}
