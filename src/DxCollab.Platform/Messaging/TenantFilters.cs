using DxCollab.MultiTenancy;
using DxCollab.Platform.Tenancy;
using MassTransit;

namespace DxCollab.Platform.Messaging;

/// <summary>Stamps the ambient tenant on every sent message. Inside a consumer (outbox-delayed sends run after the
/// consume filter returned) the tenant of the message being consumed is used. A host-level message is never stamped,
/// not even when a tenant consumer publishes it (the national roll-up).</summary>
public sealed class TenantSendFilter<T>(IMultiTenantContextAccessor<PrefectureTenant> accessor) : IFilter<SendContext<T>> where T : class
{
    public Task Send(SendContext<T> context, IPipe<SendContext<T>> next)
    {
        TenantStamp.Apply(context, accessor);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenant-send");
}

/// <summary>Same as <see cref="TenantSendFilter{T}"/> for published messages.</summary>
public sealed class TenantPublishFilter<T>(IMultiTenantContextAccessor<PrefectureTenant> accessor) : IFilter<PublishContext<T>> where T : class
{
    public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
    {
        TenantStamp.Apply(context, accessor);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenant-publish");
}

internal static class TenantStamp
{
    public static void Apply<T>(SendContext<T> context, IMultiTenantContextAccessor<PrefectureTenant> accessor) where T : class
    {
        if (context.Message is IHostLevelMessage)
        {
            // MassTransit copies the headers of the message being consumed onto messages published from its
            // ConsumeContext: a host-level message published by a tenant consumer would otherwise carry that tenant.
            context.Headers.Set(TenantHeaders.TenantId, null);
            return;
        }
        if (context.Headers.TryGetHeader(TenantHeaders.TenantId, out var existing) && existing is string { Length: > 0 }) return;
        var tenant = accessor.MultiTenantContext.TenantInfo?.Id
                     ?? (context.TryGetPayload(out ConsumeContext? consuming) ? consuming.Headers.Get<string>(TenantHeaders.TenantId) : null);
        if (tenant is not null && tenant != PrefectureCatalog.HostTenantId) context.Headers.Set(TenantHeaders.TenantId, tenant);
    }
}

/// <summary>Restores the message's tenant before the consumer (and its DbContext) is created, so the consumer runs
/// exactly as a request of that tenant would. A tenant-scoped message without a known tenant is refused.</summary>
public sealed class TenantConsumeFilter<T>(IMultiTenantStore<PrefectureTenant> store, TenantScope<PrefectureTenant> scope) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var header = context.Headers.Get<string>(TenantHeaders.TenantId);
        if (context.Message is IHostLevelMessage)
        {
            if (!string.IsNullOrEmpty(header))
                throw new TenantRejectedException($"{typeof(T).Name} is host level but carries tenant '{header}'.");
            using (scope.Begin(null, "message-host"))
                await next.Send(context);
            return;
        }
        if (string.IsNullOrEmpty(header))
            throw new TenantRejectedException($"{typeof(T).Name} has no {TenantHeaders.TenantId} header; it is never processed without a tenant.");
        var tenant = await store.GetAsync(header);
        if (tenant is null || tenant.IsHost)
            throw new TenantRejectedException($"{typeof(T).Name} names unknown tenant '{header}'.");
        if (context.Message is ITenantMessage { TenantId: var payloadTenant } && payloadTenant != tenant.Id)
            throw new TenantRejectedException($"{typeof(T).Name} header tenant '{header}' differs from payload tenant '{payloadTenant}'.");
        using (scope.Begin(tenant, "message-header"))
            await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenant-consume");
}
