using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using DxCollab.TalentPool.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.TalentPool.Advisers;

/// <summary>The national adviser catalogue and the tenant's record of its uses. The catalogue is one host-level list:
/// host users read and (SystemAdmin) write it at /api/v1/talent/advisers; prefecture members read the same list at
/// /api/v1/{tenant}/talent/advisers, since a host-level endpoint admits only host users.</summary>
public static class AdviserApi
{
    public static IEndpointRouteBuilder MapAdviserHostApi(this IEndpointRouteBuilder v1)
    {
        var host = v1.MapGroup("/talent/advisers").WithTags("人材プール（国のアドバイザー名簿）").WithMetadata(new HostLevelAttribute());
        host.MapGet("", List).WithSummary("国のアドバイザー名簿（運用者）").RequireAuthorization(Policies.NationalViewer);
        host.MapPost("", Create).WithSummary("アドバイザーの追加（システム管理者）").RequireAuthorization(Policies.SystemAdmin)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        host.MapPut("/{id:long}", Update).WithSummary("アドバイザーの変更（システム管理者。active=false で名簿から外す）").RequireAuthorization(Policies.SystemAdmin)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    public static IEndpointRouteBuilder MapAdviserTenantApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/talent/advisers", List).WithTags("人材プール（国のアドバイザー名簿）").WithSummary("国のアドバイザー名簿（全国共通）")
            .RequireAuthorization(Policies.TenantMember);
        var uses = app.MapGroup("/talent/adviser-uses").WithTags("人材プール（国のアドバイザー名簿）").RequireAuthorization(Policies.TenantMember);
        uses.MapGet("", ListUses).WithSummary("アドバイザーの派遣の記録とアドバイザーごとの合計")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        uses.MapPost("", RecordUse).WithSummary("アドバイザーの派遣の記録（都道府県の職員）")
            .WithDescription("1回の派遣につき訪問3日・オンライン10時間まで（国の上限）。超える記録は 400 で断ります。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<AdviserView>>> List(bool? includeInactive, AdviserCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok(await catalog.ListAsync(includeInactive ?? false, ct));

    public static async Task<Results<Created<AdviserView>, ProblemHttpResult>> Create(AdviserInput input, AdviserCatalog catalog, ClaimsPrincipal user,
        CancellationToken ct) =>
        TalentResults.Created(await catalog.CreateAsync(input, user, ct), a => $"/api/v1/talent/advisers/{a.Id}");

    public static async Task<Results<Ok<AdviserView>, ProblemHttpResult>> Update(long id, AdviserInput input, AdviserCatalog catalog, ClaimsPrincipal user,
        CancellationToken ct) =>
        TalentResults.Answer(await catalog.UpdateAsync(id, input, user, ct));

    public static async Task<Results<Ok<AdviserUseList>, ProblemHttpResult>> ListUses(AdviserUses uses, ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await uses.ListAsync(user, ct));

    public static async Task<Results<Created<AdviserUseView>, ProblemHttpResult>> RecordUse(string tenant, AdviserUseInput input, AdviserUses uses,
        ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Created(await uses.RecordAsync(input, user, ct), u => $"/api/v1/{tenant}/talent/adviser-uses/{u.Id}");
}
