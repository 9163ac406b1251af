using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DxCollab.MultiTenancy.AspNetCore;

public sealed class MultiTenantOptions
{
    /// <summary>Claim type carrying the signed-in user's tenant identifier.</summary>
    public string TenantClaimType { get; set; } = Constants.TenantToken;

    /// <summary>Host template for <see cref="Strategies.HostStrategy"/>, e.g. <c>tenant.dxcollab.example</c>; null turns it off.</summary>
    public string? HostTemplate { get; set; }

    /// <summary>Identifiers no strategy may resolve (Finbuckle's IgnoredIdentifiers), e.g. a reserved host-level tenant.</summary>
    public HashSet<string> IgnoredIdentifiers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Writes the refusal (404 unknown tenant, 403 tenant mismatch). The host decides the format.</summary>
    public Func<HttpContext, TenantRejection, Task> OnRejected { get; set; } = (http, rejection) =>
    {
        http.Response.StatusCode = rejection.StatusCode;
        return Task.CompletedTask;
    };
}

public sealed record TenantRejection(int StatusCode, string Reason, string? Identifier);

/// <summary>Resolves the request's tenant, refuses unknown tenants (404) and sets the ambient tenant for the rest
/// of the request. Place after UseRouting and before UseAuthentication, so that anything authentication builds
/// (a DbContext, for one) is already bound to the request's tenant.</summary>
public sealed class MultiTenantMiddleware<T>(RequestDelegate next, IOptions<MultiTenantOptions> options) where T : class, ITenantInfo
{
    public async Task InvokeAsync(HttpContext http, TenantResolver<T> resolver, TenantScope<T> scope)
    {
        var resolution = await resolver.ResolveAsync(http);
        if (resolution.UnknownIdentifier is not null)
        {
            await options.Value.OnRejected(http, new(StatusCodes.Status404NotFound, "unknown-tenant", resolution.UnknownIdentifier));
            return;
        }

        http.Items[typeof(IMultiTenantContext)] = resolution.Context;
        using (scope.Begin(resolution.Context.TenantInfo, resolution.Context.StrategyName ?? "none"))
        {
            await next(http);
        }
    }
}

/// <summary>Refuses (403) a signed-in user whose tenant claim is not the request's tenant, before any handler runs:
/// a user of osaka never acts in kyoto, whatever the route or host name says. Place after UseAuthentication.</summary>
public sealed class TenantClaimCheckMiddleware<T>(RequestDelegate next, IOptions<MultiTenantOptions> options, IMultiTenantContextAccessor<T> accessor)
    where T : class, ITenantInfo
{
    public async Task InvokeAsync(HttpContext http)
    {
        var tenant = accessor.MultiTenantContext.TenantInfo;
        if (tenant is not null && http.User.Identity?.IsAuthenticated == true)
        {
            var claimed = http.User.FindFirst(options.Value.TenantClaimType)?.Value;
            if (!string.Equals(claimed, tenant.Identifier, StringComparison.OrdinalIgnoreCase))
            {
                await options.Value.OnRejected(http, new(StatusCodes.Status403Forbidden, "tenant-mismatch", tenant.Identifier));
                return;
            }
        }
        await next(http);
    }
}
