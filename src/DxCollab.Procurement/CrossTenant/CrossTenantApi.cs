using System.Security.Claims;
using DxCollab.Platform.Files;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Procurement.CrossTenant;

/// <summary>Across prefectures. Lead side: <c>procurements/{id}/remote-members</c> (invite, remove). Invited side:
/// <c>procurements/shared</c> (list, answer, leave, read, download, verdict), each read answered by the lead's tenant.</summary>
public static class CrossTenantApi
{
    public static IEndpointRouteBuilder MapCrossTenantApi(this IEndpointRouteBuilder tenantApi)
    {
        var group = tenantApi.Procurements();
        group.MapPost("/{id:long}/remote-members", Invite).WithSummary("他の都道府県の団体を招待する（代表団体）")
            .WithDescription("organizationCode は他の都道府県の団体コード（6桁）、role は Member（既定）か Observer。招待は相手の都道府県に届き、その団体の担当者が回答します。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/remote-members/{memberId:long}/remove", Remove).WithSummary("他の都道府県の参加団体を除外する（代表団体、直ちに閲覧できなくなります）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/shared", List).WithSummary("他の都道府県の共同調達のうち、この都道府県の団体が招待されている・参加しているもの");
        group.MapGet("/shared/{id:long}", Get).WithSummary("他の都道府県の共同調達（代表団体の都道府県がその場で回答。参加中の団体の担当者のみ）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/shared/{id:long}/accept", Accept).WithSummary("招待を受けて参加する")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/shared/{id:long}/decline", Decline).WithSummary("招待を辞退する")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/shared/{id:long}/leave", Leave).WithSummary("離脱する（この都道府県の側で直ちに閲覧できなくなります）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/shared/{id:long}/revisions/{revisionId:long}/file", Download).WithSummary("版のファイルをダウンロードする（代表団体の都道府県が発行する期限付きの許可で）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/shared/{id:long}/revisions/{revisionId:long}/verdict", Verdict).WithSummary("版を承認・差戻しする（参加団体。代表団体の都道府県に送られ記録されます）")
            .WithDescription("approved（true=承認、false=差戻し）は必須、comment は任意（2000文字以内）。202 は送信済みを表し、記録は代表団体の側で行われます。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return tenantApi;
    }

    public static async Task<Results<Created<MemberView>, ProblemHttpResult>> Invite(string tenant, long id, RemoteInviteInput input,
        RemoteMemberService members, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Created(await members.InviteAsync(id, input, user, ct), m => $"/api/v1/{tenant}/procurements/{id}");

    public sealed record RemoveInput(string? Reason);

    public static async Task<Results<Ok<MemberView>, ProblemHttpResult>> Remove(long id, long memberId, RemoveInput? input, RemoteMemberService members,
        ClaimsPrincipal user, CancellationToken ct) => OutcomeResults.Answer(await members.RemoveAsync(id, memberId, input?.Reason, user, ct));

    public static async Task<Results<Ok<IReadOnlyList<SharedWorkspaceSummary>>, ProblemHttpResult>> List(SharedWorkspaceService shared, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await shared.ListAsync(user, ct));

    public static async Task<Results<Ok<SharedWorkspaceView>, ProblemHttpResult>> Get(long id, SharedWorkspaceService shared, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await shared.GetAsync(id, user, ct));

    public static async Task<Results<Ok<SharedWorkspaceSummary>, ProblemHttpResult>> Accept(long id, SharedWorkspaceService shared, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await shared.AcceptAsync(id, user, ct));

    public static async Task<Results<Ok<SharedWorkspaceSummary>, ProblemHttpResult>> Decline(long id, SharedWorkspaceService shared, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await shared.DeclineAsync(id, user, ct));

    public static async Task<Results<Ok<SharedWorkspaceSummary>, ProblemHttpResult>> Leave(long id, SharedWorkspaceService shared, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await shared.LeaveAsync(id, user, ct));

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(long id, long revisionId, SharedWorkspaceService shared,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await shared.DownloadAsync(id, revisionId, user, ct);
        return outcome.Succeeded
            ? UploadEndpoints.Attachment(outcome.Value!.FileName, outcome.Value.ContentType, outcome.Value.Content)
            : Problems.Refusal(outcome);
    }

    public static async Task<Results<Accepted<VerdictSent>, ProblemHttpResult>> Verdict(long id, long revisionId, Documents.VerdictInput input,
        SharedWorkspaceService shared, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await shared.SendVerdictAsync(id, revisionId, input, user, ct);
        return outcome.Succeeded ? TypedResults.Accepted((string?)null, outcome.Value) : Problems.Refusal(outcome);
    }
}
