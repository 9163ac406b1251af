using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.TalentPool.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.TalentPool.Matching;

/// <summary>/api/v1/{tenant}/talent/assignments: experts assigned to requests (the prefecture's staff assign; the expert
/// and the supported 団体 read theirs).</summary>
public static class AssignmentApi
{
    public static IEndpointRouteBuilder MapAssignmentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/talent/assignments").WithTags("人材プール（割当）").RequireAuthorization(Policies.TenantMember);
        group.MapPost("", Assign).WithSummary("専門人材の割当（都道府県の職員）")
            .WithDescription("startMonth / endMonth は yyyy-MM。各月の割当時間の合計が専門人材の月の対応可能時間を超える割当は 409 で、月と残り時間を示して断ります" +
                             "（同時に割り当てても超えません。上限はデータベースで守られます）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:long}", Get).WithSummary("割当の内容").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Created<AssignmentView>, ProblemHttpResult>> Assign(string tenant, AssignmentInput input, AssignmentService assignments,
        ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Created(await assignments.AssignAsync(input, user, ct), a => $"/api/v1/{tenant}/talent/assignments/{a.Id}");

    public static async Task<Results<Ok<AssignmentView>, ProblemHttpResult>> Get(long id, AssignmentService assignments, ClaimsPrincipal user,
        CancellationToken ct) =>
        TalentResults.Answer(await assignments.GetAsync(id, user, ct));
}
