namespace DxCollab.MultiTenancy;

/// <summary>A tenant. <see cref="Id"/> is stored in every tenant-owned row's TenantId;
/// <see cref="Identifier"/> is what strategies read from routes, host names and claims.</summary>
public interface ITenantInfo
{
    string Id { get; }
    string Identifier { get; }
    string? Name { get; }
}

/// <summary>Default tenant record; applications add their own properties by inheriting.</summary>
public record TenantInfo : ITenantInfo
{
    public required string Id { get; init; }
    public required string Identifier { get; init; }
    public string? Name { get; init; }
    /// <summary>Database-per-tenant: when set, this tenant's rows live in their own database.</summary>
    public string? ConnectionString { get; init; }
}
