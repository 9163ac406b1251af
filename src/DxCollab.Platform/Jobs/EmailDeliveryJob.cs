using DxCollab.Platform.Calendar;
using DxCollab.Platform.Notifications;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DxCollab.Platform.Jobs;

/// <summary>What one run of the e-mail fan-out did: tenants visited, tenants that had mail, tenants that failed.</summary>
public sealed record EmailFanOutResult(int Tenants, int TenantsWithMail, int FailedTenants, EmailDispatchResult Mail);

/// <summary>Sends pending e-mails of every tenant (one recurring job, every minute) and a tenant's daily digest
/// (08:30 Tokyo, business days only, per tenant).</summary>
public sealed class EmailDeliveryJob(TenantJobRunner runner, BusinessCalendar calendar, TimeProvider clock, ILogger<EmailDeliveryJob> logger)
{
    /// <summary>The recurring job's id (one for all tenants, not one per tenant).</summary>
    public const string FanOutJobId = "email";

    /// <summary>Visits each tenant in turn, inside its TenantScope and a DI scope of its own (so each tenant's
    /// DbContext, RLS session and own database apply), and sends what is due there. A tenant with nothing pending
    /// costs one query. One tenant's failure (e.g. its own database is down) is logged and the others still get
    /// their mail. No Hangfire retries: the next minute's run is the retry.</summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task<EmailFanOutResult> SendImmediateToAllAsync(CancellationToken ct)
    {
        var tenants = await runner.PrefecturesAsync();
        int withMail = 0, failedTenants = 0, sent = 0, failed = 0, skipped = 0;
        foreach (var tenant in tenants)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                var result = await SendImmediateAsync(tenant.Id, ct);
                if (result == EmailDispatchResult.None) continue;
                withMail++;
                (sent, failed, skipped) = (sent + result.Sent, failed + result.Failed, skipped + result.Skipped);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failedTenants++;
                logger.LogError(ex, "E-mail delivery failed for tenant {Tenant}", tenant.Id);
            }
        }
        return new(tenants.Count, withMail, failedTenants, new(sent, failed, skipped));
    }

    /// <summary>Sends one tenant's pending immediate e-mails.</summary>
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
