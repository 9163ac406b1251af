using System.Collections.Frozen;

namespace DxCollab.MultiTenancy.Stores;

/// <summary>A read-only store over a fixed list, keyed case-insensitively by identifier (Finbuckle's InMemoryStore).
/// Duplicate ids or identifiers are refused at start-up rather than resolved at random later.</summary>
public sealed class InMemoryStore<T> : IMultiTenantStore<T> where T : class, ITenantInfo
{
    private readonly FrozenDictionary<string, T> _byIdentifier;
    private readonly FrozenDictionary<string, T> _byId;
    private readonly IReadOnlyList<T> _all;

    public InMemoryStore(IEnumerable<T> tenants)
    {
        _all = tenants.ToList();
        var dupId = _all.GroupBy(t => t.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dupId is not null) throw new MultiTenantException($"Duplicate tenant id '{dupId.Key}'.");
        var dupIdentifier = _all.GroupBy(t => t.Identifier, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (dupIdentifier is not null) throw new MultiTenantException($"Duplicate tenant identifier '{dupIdentifier.Key}'.");
        _byIdentifier = _all.ToFrozenDictionary(t => t.Identifier, StringComparer.OrdinalIgnoreCase);
        _byId = _all.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
    }

    public Task<T?> GetByIdentifierAsync(string identifier) =>
        Task.FromResult(_byIdentifier.GetValueOrDefault(identifier));

    public Task<T?> GetAsync(string id) => Task.FromResult(_byId.GetValueOrDefault(id));

    public Task<IReadOnlyList<T>> GetAllAsync() => Task.FromResult(_all);
}
