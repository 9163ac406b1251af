using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.TalentPool.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.TalentPool.Requests;

/// <summary>/api/v1/{tenant}/talent/requests: support requests (a 団体's officers make and follow theirs; the prefecture's
/// staff see all; an assigned expert reads the ones they work on).</summary>
public static class RequestApi
{
    public static IEndpointRouteBuilder MapRequestApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/talent/requests").WithTags("人材プール（支援依頼）").RequireAuthorization(Policies.TenantMember);
        group.MapPost("", Create).WithSummary("支援の依頼（市区町村の担当者）")
            .WithDescription("themeKey はテーマカード（空なら「相談したい」）、intake はテーマの質問への回答。preferredFrom / preferredTo は東京の日付。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{id:long}", Get).WithSummary("依頼の内容と状態").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Created<RequestView>, ProblemHttpResult>> Create(string tenant, RequestInput input, RequestService requests,
        ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Created(await requests.CreateAsync(input, user, ct), r => $"/api/v1/{tenant}/talent/requests/{r.Id}");

    public static async Task<Results<Ok<RequestView>, ProblemHttpResult>> Get(long id, RequestService requests, ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await requests.GetAsync(id, user, ct));
}
