using System.Text;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Tenancy;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DxCollab.Platform.Messaging;

/// <summary>Records every message that finally failed (after retries, or refused by the tenant filter) so SystemAdmin
/// can see the reason and re-queue it. The message itself also goes to the endpoint's _error queue as usual.</summary>
public sealed class FailedMessageObserver(IServiceScopeFactory scopes, TenantScope<PrefectureTenant> tenantScope, TimeProvider clock,
    ILogger<FailedMessageObserver> logger) : IReceiveObserver
{
    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;
    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;
    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class =>
        RecordAsync(context.ReceiveContext, context.MessageId, typeof(T).AssemblyQualifiedName!, exception);

    public Task ReceiveFault(ReceiveContext context, Exception exception) =>
        RecordAsync(context, null, "(unreadable)", exception);

    private async Task RecordAsync(ReceiveContext receive, Guid? messageId, string type, Exception exception)
    {
        try
        {
            using var _ = tenantScope.Begin(null, "failed-message");
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
            var reason = exception is TenantRejectedException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
            db.FailedMessages.Add(new FailedMessage
            {
                MessageId = messageId,
                MessageType = type,
                Tenant = receive.TransportHeaders.Get<string>(TenantHeaders.TenantId),
                Queue = receive.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "",
                Reason = reason.Length > 4000 ? reason[..4000] : reason,
                Body = Encoding.UTF8.GetString(receive.GetBody()),
                FailedAt = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not record failed message {MessageId}", messageId);
        }
    }
}
