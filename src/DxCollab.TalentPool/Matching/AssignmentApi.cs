using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.TalentPool.Matching;

/// <summary>/api/v1/{tenant}/talent/assignments: experts assigned to requests (the prefecture's staff assign and cancel;
/// the expert and the supported 団体 read theirs).</summary>
public static class AssignmentApi
{
    public static IEndpointRouteBuilder MapAssignmentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/talent/assignments").WithTags("人材プール（割当）").RequireAuthorization(Policies.TenantMember);
        group.MapPost("", Assign).WithSummary("専門人材の割当（都道府県の職員）")
            .WithDescription("startMonth / endMonth は yyyy-MM。各月の割当時間の合計が専門人材の月の対応可能時間を超える割当は 409 で、月と残り時間を示して断ります" +
                             "（同時に割り当てても超えません。上限はデータベースで守られます）。1件あたりの上限（訪問日数: 1日 7時間45分で換算、オンライン時間）を超える割当は 400 です。" +
                             "1つの依頼に複数の専門人材を割り当てられます。開始月は今月（東京時間）以降です（過ぎた月は 400）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("", List).WithSummary("割当の一覧（職員はすべて、専門人材は自分の、市区町村は自団体の）")
            .WithDescription("絞り込み: requestId, expertId, organizationCode, state（Planned / Active / Completed / Cancelled）。新しい順、500件まで。");
        group.MapGet("/{id:long}", Get).WithSummary("割当の内容").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/cancel", Cancel).WithSummary("割当の取消（都道府県の職員）")
            .WithDescription("活動の記録がない割当はすべての月の時間を、記録がある割当はまだ始まっていない月（東京時間で翌月以降）の時間を専門人材の対応可能時間に戻します。")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Created<AssignmentView>, ProblemHttpResult>> Assign(string tenant, AssignmentInput input, AssignmentService assignments,
        ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Created(await assignments.AssignAsync(input, user, ct), a => $"/api/v1/{tenant}/talent/assignments/{a.Id}");

    public static async Task<Ok<IReadOnlyList<AssignmentView>>> List(long? requestId, long? expertId, string? organizationCode, AssignmentState? state,
        AssignmentService assignments, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await assignments.ListAsync(new AssignmentFilter(requestId, expertId, organizationCode, state), user, ct));

    public static async Task<Results<Ok<AssignmentView>, ProblemHttpResult>> Get(long id, AssignmentService assignments, ClaimsPrincipal user,
        CancellationToken ct) =>
        TalentResults.Answer(await assignments.GetAsync(id, user, ct));

    public static async Task<Results<Ok<AssignmentView>, ProblemHttpResult>> Cancel(long id, AssignmentService assignments, ClaimsPrincipal user,
        CancellationToken ct) =>
        TalentResults.Answer(await assignments.CancelAsync(id, user, ct));
}
