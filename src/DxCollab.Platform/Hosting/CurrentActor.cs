using System.Diagnostics;
using System.Security.Claims;
using DxCollab.Platform.Audit;
using DxCollab.Platform.Identity;
using Microsoft.AspNetCore.Http;

namespace DxCollab.Platform.Hosting;

/// <summary>The actor of the current HTTP request; outside a request, the system.</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor http) : ICurrentActor
{
    private ClaimsPrincipal? User => http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? Email => User?.FindFirstValue(ClaimTypes.Email) ?? User?.FindFirstValue(ClaimTypes.Name) ?? (http.HttpContext is null ? "system" : null);
    public string? OrganizationCode => User?.FindFirstValue(DxClaims.OrganizationCode);
    public string? RequestId => Activity.Current?.TraceId.ToString() ?? http.HttpContext?.TraceIdentifier;
}
