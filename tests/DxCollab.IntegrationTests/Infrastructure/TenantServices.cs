using DxCollab.MultiTenancy;
using DxCollab.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Infrastructure;

/// <summary>A clock the tests set (the host itself keeps the system clock).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>The instant of a Tokyo wall-clock time.</summary>
    public static DateTimeOffset Tokyo(int year, int month, int day, int hour = 9, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(9)).ToUniversalTime();
}

internal static class TenantServices
{
    /// <summary>Runs <paramref name="work"/> the way a job does: inside the tenant's scope, with a DI scope of its own.</summary>
    public static async Task<T> InTenantAsync<T>(this AppFixture app, string tenantId, Func<IServiceProvider, Task<T>> work)
    {
        var services = app.Factory.Services;
        var tenant = await services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync(tenantId)
            ?? throw new InvalidOperationException($"no tenant {tenantId}");
        using var _ = services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "test");
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public static Task InTenantAsync(this AppFixture app, string tenantId, Func<IServiceProvider, Task> work) =>
        app.InTenantAsync(tenantId, async sp => { await work(sp); return true; });

    /// <summary>A service of the tenant's scope built with the given clock instead of the system's.</summary>
    public static T With<T>(this IServiceProvider services, TimeProvider clock) => ActivatorUtilities.CreateInstance<T>(services, clock);
}
