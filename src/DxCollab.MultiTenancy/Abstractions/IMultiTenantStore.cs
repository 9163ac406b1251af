namespace DxCollab.MultiTenancy;

public interface IMultiTenantStore<T> where T : class, ITenantInfo
{
    Task<T?> GetByIdentifierAsync(string identifier);
    Task<T?> GetAsync(string id);
    Task<IReadOnlyList<T>> GetAllAsync();
}

/// <summary>Reads a tenant identifier out of a context (an HttpContext, or anything a caller passes).
/// Returns null for contexts it does not handle. Higher <see cref="Priority"/> runs first.</summary>
public interface IMultiTenantStrategy
{
    Task<string?> GetIdentifierAsync(object context);
    int Priority => 0;
    string Name { get; }
    /// <summary>Trusted strategies read the application's own metadata, not user input, so IgnoredIdentifiers do not apply.</summary>
    bool Trusted => false;
}
