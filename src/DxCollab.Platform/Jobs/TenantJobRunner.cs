using DxCollab.MultiTenancy;
using DxCollab.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Platform.Jobs;

/// <summary>How every tenant job runs: the tenant id is an explicit job argument; the job switches to that tenant
/// first and only then creates its DI scope (so its DbContext is bound to the tenant), and the previous tenant is
/// restored afterwards, so nothing leaks to the next job on the same worker thread.</summary>
public sealed class TenantJobRunner(IServiceScopeFactory scopes, IMultiTenantStore<PrefectureTenant> store, TenantScope<PrefectureTenant> tenantScope)
{
    public async Task RunAsync(string tenantId, Func<IServiceProvider, Task> work)
    {
        var tenant = await store.GetAsync(tenantId) ?? throw new MultiTenantException($"Job for unknown tenant '{tenantId}'.");
        using var _ = tenantScope.Begin(tenant, "job");
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    public async Task<IReadOnlyList<PrefectureTenant>> PrefecturesAsync() => (await store.GetAllAsync()).Where(t => !t.IsHost).ToList();
}
