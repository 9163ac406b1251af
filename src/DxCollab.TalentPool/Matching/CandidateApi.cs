using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.TalentPool.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.TalentPool.Matching;

/// <summary>/api/v1/{tenant}/talent/requests/{id}/candidates: the pool's active experts ranked for a request, each score
/// with its reasons (the prefecture's staff).</summary>
public static class CandidateApi
{
    public static IEndpointRouteBuilder MapCandidateApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/talent/requests/{id:long}/candidates", Rank).WithTags("人材プール（割当）").RequireAuthorization(Policies.TenantMember)
            .WithSummary("依頼の候補者（順位と理由）")
            .WithDescription("スキルの一致（テーマのスキル分野と程度）、期間中の残り時間、今月の負荷、この団体の支援実績、兼務数、対応できる期間、支援方法で点数を付け、" +
                             "各点の理由を日本語で返します。期間は依頼の希望期間（なければ今月から3か月）。")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<CandidateList>, ProblemHttpResult>> Rank(long id, CandidateService candidates, ClaimsPrincipal user,
        CancellationToken ct) =>
        TalentResults.Answer(await candidates.RankAsync(id, user, ct));
}
