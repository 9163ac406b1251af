using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Prefill;
using DxCollab.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Surveys.Prefill;

public sealed record AssignmentsRequest(List<AssignmentInput>? Assignments);

/// <summary>A figure a question may be prefilled with (what the question builder offers).</summary>
public sealed record PrefillSourceItem(string Key, string Label, string ValueType, string? Unit);

/// <summary>/api/v1/{tenant}/surveys/{id}/responses/{code}/assignments (分担), /surveys/assignments/mine and
/// /surveys/prefill-sources. Another 団体's response is 404.</summary>
public static class DelegationApi
{
    public static IEndpointRouteBuilder MapDelegationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/surveys").WithTags("照会").RequireAuthorization(Policies.OrganizationStaff);
        group.MapGet("/{id:long}/responses/{code}/assignments", Board).WithSummary("回答の分担（大問ごとの担当者・庁内締切・完了）")
            .WithDescription("回答する団体の担当者と都道府県の職員が見られます。colleagues は担当者に選べる同じ団体の職員です。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:long}/responses/{code}/assignments", Assign).DisableAntiforgery()
            .WithSummary("分担を決める").WithDescription("assignments に大問ごとの担当者（assigneeUserId）、庁内締切（internalDeadline）、依頼メモ（note）。" +
                "一覧にない大問と担当者が空の大問は分担を解きます。新しい担当者には通知が届きます。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/responses/{code}/assignments/{sectionKey}/done", Done).DisableAntiforgery()
            .WithSummary("分担された大問を完了にする").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/assignments/mine", Mine).WithSummary("自分に分担された大問");
        group.MapGet("/prefill-sources", Sources).WithSummary("設問の事前入力に使える値の一覧")
            .WithDescription("設問の prefillSource に指定できるキー。前回の回答がないとき、団体についてこの値が入ります。");
        return app;
    }

    public static async Task<Results<Ok<DelegationBoard>, ProblemHttpResult>> Board(long id, string code, DelegationService delegation,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await delegation.BoardAsync(user, id, code, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problems.Refusal(outcome);
    }

    public static async Task<Results<Ok<DelegationBoard>, ProblemHttpResult>> Assign(long id, string code, AssignmentsRequest? request,
        DelegationService delegation, ClaimsPrincipal user, CancellationToken ct)
    {
        if (request?.Assignments is null) return Problems.Invalid("assignments", "分担（assignments）を大問ごとの配列で送ってください。");
        var outcome = await delegation.AssignAsync(user, id, code, request.Assignments, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problems.Refusal(outcome);
    }

    public static async Task<Results<Ok<SectionAssignmentView>, ProblemHttpResult>> Done(long id, string code, string sectionKey,
        DelegationService delegation, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await delegation.CompleteAsync(user, id, code, sectionKey, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problems.Refusal(outcome);
    }

    public static async Task<Ok<MyAssignment[]>> Mine(DelegationService delegation, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await delegation.MineAsync(user, ct)).ToArray());

    public static Ok<PrefillSourceItem[]> Sources(PrefillSources sources) =>
        TypedResults.Ok(sources.All.Select(s => new PrefillSourceItem(s.Key, s.Label, s.ValueType.ToString(), s.Unit)).ToArray());
}
