using System.Security.Claims;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Procurement.Polls;

/// <summary>/api/v1/{tenant}/procurements/{id}/polls…: open, answer, close a 意向調査; /procurements/polls/asked: the open
/// polls asking the user's 団体.</summary>
public static class PollApi
{
    public static IEndpointRouteBuilder MapPollApi(this IEndpointRouteBuilder tenantApi)
    {
        var group = tenantApi.Procurements();
        group.MapGet("/polls/asked", Asked).WithSummary("自団体に尋ねられている実施中の意向調査");
        group.MapGet("/{id:long}/polls", List).WithSummary("意向調査の一覧（尋ねられた団体には、自団体への問いかけだけ）")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/polls", Open).WithSummary("意向調査を始める（代表団体。candidateCodes 省略で参加していない全市区町村に）")
            .WithDescription("deadline は yyyy-MM-dd（東京の日付、今日以降）。フェーズが検討なら意向調査に移ります。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:long}/polls/{pollId:long}", Get).WithSummary("意向調査（代表団体・参加団体・職員には集計と未回答の団体）")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:long}/polls/{pollId:long}/answer", Answer).WithSummary("回答する・変える（尋ねられた団体、期限まで。条件付き参加は conditions 必須）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/polls/{pollId:long}/close", Close).WithSummary("締め切る（代表団体。参加・条件付き参加は参加団体に、不参加は辞退として記録）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return tenantApi;
    }

    public static async Task<Ok<IReadOnlyList<PollView>>> Asked(PollService polls, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await polls.AskedAsync(user, ct));

    public static async Task<Results<Ok<IReadOnlyList<PollView>>, ProblemHttpResult>> List(long id, PollService polls, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await polls.ListAsync(id, user, ct));

    public static async Task<Results<Created<PollView>, ProblemHttpResult>> Open(string tenant, long id, PollInput input, PollService polls,
        ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Created(await polls.OpenAsync(id, input, user, ct), p => $"/api/v1/{tenant}/procurements/{id}/polls/{p.Id}");

    public static async Task<Results<Ok<PollView>, ProblemHttpResult>> Get(long id, long pollId, PollService polls, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await polls.GetAsync(id, pollId, user, ct));

    public static async Task<Results<Ok<PollView>, ProblemHttpResult>> Answer(long id, long pollId, AnswerInput input, PollService polls,
        ClaimsPrincipal user, CancellationToken ct) => OutcomeResults.Answer(await polls.AnswerAsync(id, pollId, input, user, ct));

    public static async Task<Results<Ok<PollView>, ProblemHttpResult>> Close(long id, long pollId, PollService polls, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await polls.CloseAsync(id, pollId, user, ct));
}
