namespace DxCollab.MultiTenancy;

/// <summary>The outcome of resolution: a tenant, or the identifier that named none (an unknown tenant).</summary>
public sealed record TenantResolution<T>(IMultiTenantContext<T> Context, string? UnknownIdentifier) where T : class, ITenantInfo;

/// <summary>Finbuckle's TenantResolver: strategies in descending priority; the first identifier a strategy
/// yields is looked up in the stores. An identifier that no store knows is reported, not skipped, so callers
/// can answer 404 instead of silently running without a tenant.</summary>
public sealed class TenantResolver<T>(IEnumerable<IMultiTenantStrategy> strategies, IEnumerable<IMultiTenantStore<T>> stores,
    Microsoft.Extensions.Options.IOptions<AspNetCore.MultiTenantOptions> options)
    where T : class, ITenantInfo
{
    private readonly IReadOnlyList<IMultiTenantStrategy> _strategies = strategies.OrderByDescending(s => s.Priority).ToList();
    private readonly IReadOnlyList<IMultiTenantStore<T>> _stores = stores.ToList();

    public async Task<TenantResolution<T>> ResolveAsync(object context)
    {
        foreach (var strategy in _strategies)
        {
            var identifier = await strategy.GetIdentifierAsync(context);
            if (string.IsNullOrWhiteSpace(identifier)) continue;
            // An ignored identifier names no tenant, so it is reported as unknown rather than resolved.
            if (!strategy.Trusted && options.Value.IgnoredIdentifiers.Contains(identifier)) return new(MultiTenantContext<T>.Empty, identifier);
            foreach (var store in _stores)
            {
                var tenant = await store.GetByIdentifierAsync(identifier);
                if (tenant is not null) return new(new MultiTenantContext<T>(tenant, strategy.Name), null);
            }
            return new(MultiTenantContext<T>.Empty, identifier);
        }
        return new(MultiTenantContext<T>.Empty, null);
    }
}
