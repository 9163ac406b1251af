using System.Security.Claims;
using DxCollab.Platform.Files;
using DxCollab.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Procurement.Workspaces;

/// <summary>/api/v1/{tenant}/procurements/{id}/phase, /milestones, /agreement: how far the procurement is.</summary>
public static class ProgressApi
{
    public static IEndpointRouteBuilder MapProgressApi(this IEndpointRouteBuilder tenantApi)
    {
        var group = tenantApi.Procurements();
        group.MapGet("/{id:long}/phase", PhaseHistory).WithSummary("フェーズの移り変わり（誰がいつ）").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/phase", MovePhase).WithSummary("フェーズを移す（代表団体。前後どのフェーズへも。参加団体に通知）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:long}/milestones", Milestones).WithSummary("マイルストーン（期日順、期限切れに overdue）").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/milestones", AddMilestone).WithSummary("マイルストーンを加える（代表団体。dueOn は yyyy-MM-dd、担当は参加中の団体）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:long}/milestones/{milestoneId:long}", UpdateMilestone).WithSummary("マイルストーンを変える（代表団体）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/milestones/{milestoneId:long}/done", (long id, long milestoneId, MilestoneService milestones, ClaimsPrincipal user,
            CancellationToken ct) => Mark(id, milestoneId, true, milestones, user, ct)).WithSummary("完了にする（代表団体・担当の団体）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/milestones/{milestoneId:long}/undone", (long id, long milestoneId, MilestoneService milestones, ClaimsPrincipal user,
            CancellationToken ct) => Mark(id, milestoneId, false, milestones, user, ct)).WithSummary("未完了に戻す（代表団体・担当の団体）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:long}/milestones/{milestoneId:long}", DeleteMilestone).WithSummary("マイルストーンを削除する（代表団体）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:long}/agreement", Agreement).WithSummary("協定の記録（まだなければ 204）").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:long}/agreement", RecordAgreement).WithSummary("協定を記録する（代表団体。kind Agreement＝協定／Delegation＝事務委託、signedOn、signatoryCodes）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/agreement/document", AttachDocument).DisableAntiforgery().AcceptsUploads()
            .WithSummary("協定書のファイルを登録する（代表団体、file）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{id:long}/agreement/document", Document).WithSummary("協定書のダウンロード").ProducesProblem(StatusCodes.Status404NotFound);
        return tenantApi;
    }

    public static async Task<Results<Ok<IReadOnlyList<PhaseChangeView>>, ProblemHttpResult>> PhaseHistory(long id, PhaseService phases, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await phases.HistoryAsync(id, user, ct));

    public static async Task<Results<Ok<PhaseChangeView>, ProblemHttpResult>> MovePhase(long id, PhaseInput input, PhaseService phases, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await phases.MoveAsync(id, input, user, ct));

    public static async Task<Results<Ok<IReadOnlyList<MilestoneView>>, ProblemHttpResult>> Milestones(long id, MilestoneService milestones,
        ClaimsPrincipal user, CancellationToken ct) => OutcomeResults.Answer(await milestones.ListAsync(id, user, ct));

    public static async Task<Results<Created<MilestoneView>, ProblemHttpResult>> AddMilestone(string tenant, long id, MilestoneInput input,
        MilestoneService milestones, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Created(await milestones.AddAsync(id, input, user, ct), m => $"/api/v1/{tenant}/procurements/{id}/milestones#{m.Id}");

    public static async Task<Results<Ok<MilestoneView>, ProblemHttpResult>> UpdateMilestone(long id, long milestoneId, MilestoneInput input,
        MilestoneService milestones, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Answer(await milestones.UpdateAsync(id, milestoneId, input, user, ct));

    private static async Task<Results<Ok<MilestoneView>, ProblemHttpResult>> Mark(long id, long milestoneId, bool done, MilestoneService milestones,
        ClaimsPrincipal user, CancellationToken ct) => OutcomeResults.Answer(await milestones.MarkAsync(id, milestoneId, done, user, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteMilestone(long id, long milestoneId, MilestoneService milestones,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await milestones.DeleteAsync(id, milestoneId, user, ct);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.Refusal(outcome);
    }

    /// <summary>204 while no agreement is recorded.</summary>
    public static async Task<Results<Ok<AgreementView>, NoContent, ProblemHttpResult>> Agreement(long id, AgreementService agreements,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await agreements.GetAsync(id, user, ct);
        if (!outcome.Succeeded) return Problems.Refusal(outcome);
        return outcome.Value is { } view ? TypedResults.Ok(view) : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<AgreementView?>, ProblemHttpResult>> RecordAgreement(long id, AgreementInput input, AgreementService agreements,
        ClaimsPrincipal user, CancellationToken ct) => OutcomeResults.Answer(await agreements.RecordAsync(id, input, null, user, ct));

    public static async Task<Results<Ok<AgreementView?>, ProblemHttpResult>> AttachDocument(long id, IFormFile? file, AgreementService agreements,
        ClaimsPrincipal user, CancellationToken ct) => OutcomeResults.Answer(await agreements.AttachAsync(id, file, user, ct));

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Document(long id, AgreementService agreements, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var outcome = await agreements.DocumentAsync(id, user, ct);
        return outcome.Succeeded ? UploadEndpoints.Attachment(outcome.Value!.FileName, outcome.Value.ContentType, outcome.Value.Content)
            : Problems.Refusal(outcome);
    }
}
