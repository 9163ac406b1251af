using DxCollab.MultiTenancy;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Web.Infrastructure;

/// <summary>Bearer tokens are self-contained, so a deactivated user (or one whose password changed) would keep
/// working until the token expires. This checks the token's security stamp against the database on each API call
/// that runs under the user's tenant (the claim check has already made the two equal).</summary>
public sealed class BearerTokenRevocation(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IMultiTenantContextAccessor<PrefectureTenant> tenant)
    {
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (bearer && http.User.Identity?.IsAuthenticated == true && tenant.MultiTenantContext.IsResolved)
        {
            var signIn = http.RequestServices.GetRequiredService<SignInManager<AppUser>>();
            if (await signIn.ValidateSecurityStampAsync(http.User) is not { IsActive: true })
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status401Unauthorized, Title = ErrorHandling.TitleFor(401),
                        Detail = "このトークンは使えなくなりました（アカウントの無効化やパスワード変更のため）。もう一度ログインしてください。",
                    },
                });
                return;
            }
        }
        await next(http);
    }
}
