using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.ModuleKit;

/// <summary>Reads, from a running host, who may reach each API endpoint and each Razor page: the endpoints come from
/// the host's EndpointDataSource, the pages are loaded as a request would load them (folder conventions such as a
/// module's page-folder rule are applied only then).</summary>
public static class EndpointAuthorization
{
    /// <summary>API endpoints and pages that anyone may open: signing in, the tenant list, the home, error and
    /// API reference pages. Everything else must name a policy.</summary>
    public static readonly IReadOnlySet<string> Public = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "POST /api/v1/auth/login", "POST /api/v1/{tenant}/auth/login", "GET /api/v1/tenants",
        "page /Index", "page /Login", "page /Logout", "page /Error", "page /ApiReference",
        "page /Tenant/Login", "page /Tenant/LoginTwoFactor", "page /Tenant/Invitation", "page /Ops/Login", "page /Ops/LoginTwoFactor",
    };

    public sealed record Access(string Name, string Route, bool Anonymous, IReadOnlyList<string?> Policies, bool HostLevel, Type? Handler)
    {
        /// <summary>Protected: a named policy, or a bare [Authorize] (any signed-in user), and no AllowAnonymous.</summary>
        public bool RequiresSignIn => !Anonymous && Policies.Count > 0;
        public bool NamesPolicy => !Anonymous && Policies.Any(p => p is not null);
    }

    public static IReadOnlyList<Access> ApiEndpoints(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => Describe($"{method} {e.RoutePattern.RawText}", e.RoutePattern.RawText!, e.Metadata, null)))];

    public static async Task<IReadOnlyList<Access>> PagesAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var pages = new List<Access>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            var metadata = compiled.Endpoint?.Metadata ?? endpoint.Metadata;
            pages.Add(Describe($"page {page.ViewEnginePath}", endpoint.RoutePattern.RawText ?? "", metadata, compiled.HandlerTypeInfo.AsType()));
        }
        return pages;
    }

    private static Access Describe(string name, string route, EndpointMetadataCollection metadata, Type? handler) => new(
        name, route, metadata.GetMetadata<IAllowAnonymous>() is not null,
        [.. metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy)],
        metadata.GetMetadata<HostLevelAttribute>() is not null, handler);
}
