namespace DxCollab.MultiTenancy;

public interface IMultiTenantContextAccessor
{
    IMultiTenantContext MultiTenantContext { get; }
}

public interface IMultiTenantContextAccessor<T> : IMultiTenantContextAccessor where T : class, ITenantInfo
{
    new IMultiTenantContext<T> MultiTenantContext { get; }
}

/// <summary>Reading and writing the ambient tenant are split on purpose (Finbuckle).</summary>
public interface IMultiTenantContextSetter<T> where T : class, ITenantInfo
{
    IMultiTenantContext<T> MultiTenantContext { set; }
}

/// <summary>The ambient tenant lives in an AsyncLocal, so it flows with the async call and never leaks
/// to another request, job or message. Registered as a singleton that is also the setter.</summary>
public sealed class AsyncLocalMultiTenantContextAccessor<T> : IMultiTenantContextAccessor<T>, IMultiTenantContextSetter<T>
    where T : class, ITenantInfo
{
    private static readonly AsyncLocal<IMultiTenantContext<T>?> Slot = new();

    public IMultiTenantContext<T> MultiTenantContext
    {
        get => Slot.Value ?? MultiTenantContext<T>.Empty;
        set => Slot.Value = value;
    }

    IMultiTenantContext IMultiTenantContextAccessor.MultiTenantContext => MultiTenantContext;
}

/// <summary>A fixed accessor, for design-time and factory-made contexts bound to one tenant.</summary>
public sealed class StaticMultiTenantContextAccessor<T>(T? tenantInfo) : IMultiTenantContextAccessor<T>
    where T : class, ITenantInfo
{
    public IMultiTenantContext<T> MultiTenantContext { get; } = new MultiTenantContext<T>(tenantInfo, "static");
    IMultiTenantContext IMultiTenantContextAccessor.MultiTenantContext => MultiTenantContext;
}
