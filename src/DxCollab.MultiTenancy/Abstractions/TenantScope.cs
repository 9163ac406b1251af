namespace DxCollab.MultiTenancy;

/// <summary>The scoped switch (ABP's ICurrentTenant.Change): jobs, consumers, seeders and tests run
/// tenant work inside <c>using (scope.Begin(tenant))</c>; the previous tenant comes back on dispose.
/// Create DI scopes (and so DbContexts) only after Begin: a DbContext binds its tenant when built.</summary>
public sealed class TenantScope<T>(IMultiTenantContextAccessor<T> accessor, IMultiTenantContextSetter<T> setter)
    where T : class, ITenantInfo
{
    public IDisposable Begin(T? tenant, string strategyName = "scope")
    {
        var previous = accessor.MultiTenantContext;
        setter.MultiTenantContext = new MultiTenantContext<T>(tenant, strategyName);
        return new Restore(() => setter.MultiTenantContext = previous);
    }

    public T? Current => accessor.MultiTenantContext.TenantInfo;

    private sealed class Restore(Action restore) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) restore();
        }
    }
}
