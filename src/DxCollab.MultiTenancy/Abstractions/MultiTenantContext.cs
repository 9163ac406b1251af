namespace DxCollab.MultiTenancy;

public interface IMultiTenantContext
{
    ITenantInfo? TenantInfo { get; }
    bool IsResolved { get; }
    /// <summary>How the tenant was found ("route", "host", "claim", "message-header", "job" …).</summary>
    string? StrategyName { get; }
}

public interface IMultiTenantContext<out T> : IMultiTenantContext where T : class, ITenantInfo
{
    new T? TenantInfo { get; }
}

/// <summary>Immutable, as in Finbuckle 10: to change the tenant, assign a new context.</summary>
public sealed record MultiTenantContext<T>(T? TenantInfo, string? StrategyName = null) : IMultiTenantContext<T>
    where T : class, ITenantInfo
{
    public static readonly MultiTenantContext<T> Empty = new(default(T));
    public bool IsResolved => TenantInfo is not null;
    ITenantInfo? IMultiTenantContext.TenantInfo => TenantInfo;
}
