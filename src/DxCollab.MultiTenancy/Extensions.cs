using DxCollab.MultiTenancy.AspNetCore;
using DxCollab.MultiTenancy.Stores;
using DxCollab.MultiTenancy.Strategies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DxCollab.MultiTenancy;

public sealed class MultiTenantBuilder<T>(IServiceCollection services) where T : class, ITenantInfo
{
    public IServiceCollection Services { get; } = services;

    public MultiTenantBuilder<T> WithRouteStrategy(string parameter = Constants.TenantToken)
    {
        Services.AddSingleton<IMultiTenantStrategy>(new RouteStrategy(parameter));
        return this;
    }

    public MultiTenantBuilder<T> WithEndpointMetadataStrategy()
    {
        Services.AddSingleton<IMultiTenantStrategy, EndpointMetadataStrategy>();
        return this;
    }

    /// <summary>Adds the host strategy when a template is configured (e.g. <c>tenant.dxcollab.example</c>).</summary>
    public MultiTenantBuilder<T> WithHostStrategy(string? template)
    {
        if (!string.IsNullOrWhiteSpace(template)) Services.AddSingleton<IMultiTenantStrategy>(new HostStrategy(template));
        return this;
    }

    public MultiTenantBuilder<T> WithInMemoryStore(Func<IServiceProvider, IEnumerable<T>> tenants)
    {
        Services.AddSingleton<IMultiTenantStore<T>>(sp => new InMemoryStore<T>(tenants(sp)));
        return this;
    }
}

public static class MultiTenancyExtensions
{
    public static MultiTenantBuilder<T> AddMultiTenant<T>(this IServiceCollection services, Action<MultiTenantOptions>? configure = null)
        where T : class, ITenantInfo
    {
        services.AddOptions<MultiTenantOptions>();
        if (configure is not null) services.Configure(configure);
        services.TryAddSingleton<AsyncLocalMultiTenantContextAccessor<T>>();
        services.TryAddSingleton<IMultiTenantContextAccessor<T>>(sp => sp.GetRequiredService<AsyncLocalMultiTenantContextAccessor<T>>());
        services.TryAddSingleton<IMultiTenantContextAccessor>(sp => sp.GetRequiredService<AsyncLocalMultiTenantContextAccessor<T>>());
        services.TryAddSingleton<IMultiTenantContextSetter<T>>(sp => sp.GetRequiredService<AsyncLocalMultiTenantContextAccessor<T>>());
        services.TryAddSingleton<TenantScope<T>>();
        services.TryAddScoped<TenantResolver<T>>();
        return new MultiTenantBuilder<T>(services);
    }

    public static IApplicationBuilder UseMultiTenant<T>(this IApplicationBuilder app) where T : class, ITenantInfo =>
        app.UseMiddleware<MultiTenantMiddleware<T>>();

    public static IApplicationBuilder UseTenantClaimCheck<T>(this IApplicationBuilder app) where T : class, ITenantInfo =>
        app.UseMiddleware<TenantClaimCheckMiddleware<T>>();

    public static T? GetTenantInfo<T>(this HttpContext http) where T : class, ITenantInfo =>
        (http.Items[typeof(IMultiTenantContext)] as IMultiTenantContext<T>)?.TenantInfo;
}
