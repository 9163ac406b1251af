using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.TalentPool.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.TalentPool.Pool;

/// <summary>/api/v1/{tenant}/talent/experts: the pool's expert profiles (the prefecture's staff; an expert reads their own).</summary>
public static class ExpertApi
{
    public static IEndpointRouteBuilder MapExpertApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/talent/experts").WithTags("人材プール（専門人材）").RequireAuthorization(Policies.TenantMember);
        group.MapPost("", Create).WithSummary("専門人材の登録（都道府県の職員）")
            .WithDescription("monthlyCapacityHours は月あたりの対応可能時間（割当の上限）。onSiteDaysCap / onlineHoursCap は1件あたりの上限（例: 訪問3日・オンライン10時間）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{id:long}", Get).WithSummary("専門人材のプロフィール").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Created<ExpertView>, ProblemHttpResult>> Create(string tenant, ExpertInput input, ExpertService experts,
        ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Created(await experts.CreateAsync(input, user, ct), e => $"/api/v1/{tenant}/talent/experts/{e.Id}");

    public static async Task<Results<Ok<ExpertView>, ProblemHttpResult>> Get(long id, ExpertService experts, ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await experts.GetAsync(id, user, ct));
}
