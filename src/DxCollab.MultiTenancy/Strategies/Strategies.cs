using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.MultiTenancy.Strategies;

/// <summary>Reads the tenant from a route value, e.g. <c>/{tenant}/…</c>. Needs UseRouting before UseMultiTenant.</summary>
public sealed class RouteStrategy(string routeParameter = Constants.TenantToken) : IMultiTenantStrategy
{
    public string Name => "route";
    public int Priority => 100;

    public Task<string?> GetIdentifierAsync(object context) =>
        Task.FromResult(context is HttpContext http ? http.GetRouteValue(routeParameter) as string : null);
}

/// <summary>Reads the tenant from the host name with a template such as <c>tenant.dxcollab.example</c>
/// where the segment <c>tenant</c> stands for the identifier and <c>*</c> for any one segment.</summary>
public sealed partial class HostStrategy : IMultiTenantStrategy
{
    private readonly Regex _pattern;

    public HostStrategy(string template)
    {
        var segments = template.Trim().TrimEnd('.').Split('.')
            .Select(s => s switch
            {
                Constants.TenantToken => "(?<identifier>[a-z0-9-]+)",
                "*" => "[^.]+",
                _ => Regex.Escape(s),
            });
        _pattern = new Regex("^" + string.Join(@"\.", segments) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    public string Name => "host";
    public int Priority => 50;

    public Task<string?> GetIdentifierAsync(object context)
    {
        if (context is not HttpContext http || string.IsNullOrEmpty(http.Request.Host.Host)) return Task.FromResult<string?>(null);
        var match = _pattern.Match(http.Request.Host.Host);
        return Task.FromResult(match.Success ? match.Groups["identifier"].Value.ToLowerInvariant() : null);
    }
}

/// <summary>Resolves from a delegate, for contexts other than HTTP (tests, tools).</summary>
public sealed class DelegateStrategy(Func<object, Task<string?>> resolve, string name = "delegate", int priority = 0) : IMultiTenantStrategy
{
    public string Name => name;
    public int Priority => priority;
    public Task<string?> GetIdentifierAsync(object context) => resolve(context);
}

/// <summary>Endpoint metadata that pins an endpoint to one tenant, e.g. host-level pages and APIs.</summary>
public interface IFixedTenantMetadata
{
    string TenantIdentifier { get; }
}

/// <summary>Resolves the tenant an endpoint is pinned to by <see cref="IFixedTenantMetadata"/>. Runs first.</summary>
public sealed class EndpointMetadataStrategy : IMultiTenantStrategy
{
    public string Name => "endpoint";
    public int Priority => 200;
    public bool Trusted => true;

    public Task<string?> GetIdentifierAsync(object context) =>
        Task.FromResult((context as HttpContext)?.GetEndpoint()?.Metadata.GetMetadata<IFixedTenantMetadata>()?.TenantIdentifier);
}
