using System.Security.Claims;
using DxCollab.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DxCollab.Web.Api;

public sealed record MeResponse(string Email, string DisplayName, string Tenant, string? OrganizationCode, string? OrganizationName, string[] Roles);

public static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder group)
    {
        group.MapGet("", GetMe).WithSummary("ログイン中の利用者").WithDescription("メールアドレス、所属団体のコードと名称、役割を返します。");
        return group;
    }

    public static Ok<MeResponse> GetMe(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity!.Name!,
        user.FindFirstValue(DxClaims.DisplayName) ?? "",
        user.FindFirstValue(DxClaims.Tenant)!,
        user.FindFirstValue(DxClaims.OrganizationCode),
        user.FindFirstValue(DxClaims.OrganizationName),
        user.FindAll(ClaimTypes.Role).Select(r => r.Value).ToArray()));
}
