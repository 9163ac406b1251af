using DxCollab.Platform.Messaging;
using DxCollab.Platform.Results;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace DxCollab.Procurement.CrossTenant;

/// <summary>Asks the lead's tenant over the bus and waits a few seconds for its answer. The request carries the lead's
/// tenant in its header (the platform's consume filter runs the responder as that tenant); the answer carries the
/// responder's. No answer in time, or a fault, is 「一時的に表示できません」 (503), never an error page.</summary>
public sealed class LeadTenantClient(IClientFactory clients, ILogger<LeadTenantClient> logger)
{
    /// <summary>Long enough for a busy worker, short enough that a person still waits for the page.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<Outcome<TAnswer>> AskAsync<TRequest, TAnswer>(TRequest request, string leadTenant, CancellationToken ct)
        where TRequest : class, ITenantMessage where TAnswer : class, ITenantMessage
    {
        var client = clients.CreateRequestClient<TRequest>(RequestTimeout.After(s: (int)Timeout.TotalSeconds));
        try
        {
            var response = await client.GetResponse<TAnswer>(request,
                x => x.UseExecute(context => context.Headers.Set(TenantHeaders.TenantId, leadTenant)), ct);
            // Only the tenant asked may answer for its workspace.
            if (response.Message.TenantId != leadTenant) throw new InvalidOperationException($"{typeof(TAnswer).Name} answered by '{response.Message.TenantId}', not '{leadTenant}'.");
            return Outcome<TAnswer>.Ok(response.Message);
        }
        catch (Exception ex) when (ex is RequestTimeoutException or RequestFaultException or RequestException or InvalidOperationException
                                       && !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "{Request} to {Tenant} was not answered", typeof(TRequest).Name, leadTenant);
            return Outcome<TAnswer>.Fail(OutcomeKind.Unavailable, null,
                $"{SharedWorkspaceSummary.PrefectureName(leadTenant)}の共同調達は一時的に表示できません。しばらくしてからもう一度お試しください。");
        }
    }
}
