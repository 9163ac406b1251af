using System.Security.Claims;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.TalentPool.Activity;

/// <summary>/api/v1/{tenant}/talent/assignments/{id}/activities, …/reports, …/complete, /talent/reports (the board) and
/// /talent/requests/{id}/satisfaction.</summary>
public static class ActivityApi
{
    public static IEndpointRouteBuilder MapActivityApi(this IEndpointRouteBuilder app)
    {
        var assignments = app.MapGroup("/talent/assignments/{id:long}").WithTags("人材プール（活動・報告）").RequireAuthorization(Policies.TenantMember);
        assignments.MapGet("/activities", GetLog).WithSummary("活動記録と時間の集計（月ごとの割当時間・訪問日数・オンライン時間）")
            .ProducesProblem(StatusCodes.Status404NotFound);
        assignments.MapPost("/activities", Log).WithSummary("活動の記録（担当の専門人材、または都道府県の職員）")
            .WithDescription("date は東京の日付（割当の期間内、今日まで）。月の割当時間・訪問日数・オンライン時間の上限を超える記録は 409 で断ります。最初の記録で依頼は支援中になり、訪問の記録ごとに5開庁日後が期限の報告ができます。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        assignments.MapGet("/reports", Reports).WithSummary("支援報告（訪問後・終了時）と期限").ProducesProblem(StatusCodes.Status404NotFound);
        assignments.MapPut("/reports/{reportId:long}", SaveReport).WithSummary("支援報告の保存・提出（submit: true で提出、以後は変更不可）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        assignments.MapPost("/reports/files", UploadReportFile).DisableAntiforgery().AcceptsUploads()
            .WithSummary("支援報告に添付するファイルのアップロード（file。担当の専門人材・都道府県の職員。id を報告の fileIds に）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        assignments.MapGet("/reports/{reportId:long}/files/{fileId:long}", DownloadReportFile).WithSummary("支援報告の添付ファイルのダウンロード")
            .ProducesProblem(StatusCodes.Status404NotFound);
        assignments.MapPost("/complete", Complete).WithSummary("割当の終了（終了時の報告は5開庁日後が期限）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/talent/reports", Board).WithTags("人材プール（活動・報告）").RequireAuthorization(Policies.TenantMember)
            .WithSummary("未提出の支援報告（期限超過を先に、超過開庁日数つき。都道府県の職員）").ProducesProblem(StatusCodes.Status403Forbidden);

        var satisfaction = app.MapGroup("/talent/requests/{id:long}/satisfaction").WithTags("人材プール（満足度）").RequireAuthorization(Policies.TenantMember);
        satisfaction.MapGet("", GetSatisfaction).WithSummary("満足度の回答の有無と内容").ProducesProblem(StatusCodes.Status404NotFound);
        satisfaction.MapPost("", Satisfaction).WithSummary("満足度の回答（完了した依頼の団体の担当者、1回）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Ok<ActivityLogView>, ProblemHttpResult>> GetLog(long id, ActivityLogService log, ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await log.GetAsync(id, user, ct));

    public static async Task<Results<Created<ActivityView>, ProblemHttpResult>> Log(string tenant, long id, ActivityInput input, ActivityLogService log,
        ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Created(await log.LogAsync(id, input, user, ct), a => $"/api/v1/{tenant}/talent/assignments/{id}/activities#{a.Id}");

    public static async Task<Results<Ok<IReadOnlyList<ReportView>>, ProblemHttpResult>> Reports(long id, SupportReportService reports, ClaimsPrincipal user,
        CancellationToken ct) =>
        TalentResults.Answer(await reports.ListAsync(id, user, ct));

    public static async Task<Results<Ok<ReportView>, ProblemHttpResult>> SaveReport(long id, long reportId, ReportInput input, SupportReportService reports,
        ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await reports.SaveAsync(id, reportId, input, user, ct));

    public static async Task<Results<Ok<ReportFileView>, ProblemHttpResult>> UploadReportFile(long id, IFormFile? file, SupportReportService reports,
        ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await reports.UploadAsync(id, file, user, ct));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadReportFile(long id, long reportId, long fileId,
        SupportReportService reports, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await reports.DownloadAsync(id, reportId, fileId, user, ct);
        return outcome.Succeeded ? UploadEndpoints.Attachment(outcome.Value!.FileName, outcome.Value.ContentType, outcome.Value.Content)
            : Problems.Refusal(outcome);
    }

    public static async Task<Results<Ok<ReportView>, ProblemHttpResult>> Complete(long id, SupportReportService reports, ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await reports.CompleteAsync(id, user, ct));

    public static async Task<Results<Ok<IReadOnlyList<BoardLine>>, ProblemHttpResult>> Board(ReportBoard board, ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Answer(await board.OpenReportsAsync(user, ct));

    public static async Task<Results<Ok<SatisfactionState>, ProblemHttpResult>> GetSatisfaction(long id, SatisfactionService satisfaction, ClaimsPrincipal user,
        CancellationToken ct) =>
        TalentResults.Answer(await satisfaction.GetAsync(id, user, ct));

    public static async Task<Results<Created<SatisfactionView>, ProblemHttpResult>> Satisfaction(string tenant, long id, SatisfactionInput input,
        SatisfactionService satisfaction, ClaimsPrincipal user, CancellationToken ct) =>
        TalentResults.Created(await satisfaction.AnswerAsync(id, input, user, ct), _ => $"/api/v1/{tenant}/talent/requests/{id}/satisfaction");
}
