using System.Security.Claims;
using DxCollab.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Procurement.Workspaces;

/// <summary>/api/v1/{tenant}/procurements/{id}/members…: invitations and each move of a member (accept, decline, leave,
/// remove, role), the lead's handover, and the invitations waiting for the user's 団体.</summary>
public static class MemberApi
{
    public static IEndpointRouteBuilder MapMemberApi(this IEndpointRouteBuilder tenantApi)
    {
        var group = tenantApi.Procurements();
        group.MapGet("/invitations", Invitations).WithSummary("自団体への招待（招待中）の一覧");
        group.MapPost("/{id:long}/members", Invite).WithSummary("この都道府県の団体を参加団体・オブザーバーとして招待する（代表団体）")
            .WithDescription("organizationCode（団体コード）は必須。role は Member（既定）か Observer。辞退・離脱・除外した団体を招待し直すと同じ行が招待中に戻ります。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/members/{memberId:long}/accept", Accept).WithSummary("招待を受けて参加する（招待された団体）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/members/{memberId:long}/decline", Decline).WithSummary("招待を辞退する（招待された団体、理由は任意）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/members/{memberId:long}/leave", Leave).WithSummary("離脱する（その団体自身、理由は必須。代表団体は先に交代）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/members/{memberId:long}/remove", Remove).WithSummary("参加団体を除外する・招待を取り消す（代表団体、理由は必須）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:long}/members/{memberId:long}/role", ChangeRole).WithSummary("参加団体とオブザーバーを切り替える（代表団体）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/lead", HandOver).WithSummary("代表団体を交代する（今の代表団体、memberId は参加中の団体）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return tenantApi;
    }

    public static async Task<Ok<IReadOnlyList<InvitationView>>> Invitations(MemberService members, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await members.InvitationsAsync(user, ct));

    public static async Task<Results<Created<MemberView>, ProblemHttpResult>> Invite(string tenant, long id, MemberInvite input, MemberService members,
        ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Created(await members.InviteAsync(id, input, user, ct), m => $"/api/v1/{tenant}/procurements/{id}#member-{m.Id}");

    public static async Task<Results<Ok<MemberView>, ProblemHttpResult>> Accept(long id, long memberId, MemberService members, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await members.AcceptAsync(id, memberId, user, ct));

    public static async Task<Results<Ok<MemberView>, ProblemHttpResult>> Decline(long id, long memberId, MemberReason? input, MemberService members,
        ClaimsPrincipal user, CancellationToken ct) => OutcomeResults.Answer(await members.DeclineAsync(id, memberId, input ?? new(null), user, ct));

    public static async Task<Results<Ok<MemberView>, ProblemHttpResult>> Leave(long id, long memberId, MemberReason input, MemberService members,
        ClaimsPrincipal user, CancellationToken ct) => OutcomeResults.Answer(await members.LeaveAsync(id, memberId, input, user, ct));

    public static async Task<Results<Ok<MemberView>, ProblemHttpResult>> Remove(long id, long memberId, MemberReason input, MemberService members,
        ClaimsPrincipal user, CancellationToken ct) => OutcomeResults.Answer(await members.RemoveAsync(id, memberId, input, user, ct));

    public static async Task<Results<Ok<MemberView>, ProblemHttpResult>> ChangeRole(long id, long memberId, MemberRoleChange input, MemberService members,
        ClaimsPrincipal user, CancellationToken ct) => OutcomeResults.Answer(await members.ChangeRoleAsync(id, memberId, input, user, ct));

    public static async Task<Results<Ok<WorkspaceView>, ProblemHttpResult>> HandOver(long id, LeadHandover input, MemberService members,
        ClaimsPrincipal user, CancellationToken ct) => OutcomeResults.Answer(await members.HandOverLeadAsync(id, input, user, ct));
}
