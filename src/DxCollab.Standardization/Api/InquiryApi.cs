using System.Security.Claims;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Threads;
using DxCollab.Platform.Web;
using DxCollab.Standardization.Files;
using DxCollab.Standardization.Inquiries;
using DxCollab.Standardization.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Standardization.Api;

public sealed record InquiryCommentRequest(string? Comment);

/// <summary>/api/v1/{tenant}/migration/inquiries: 課題・質問 threads between a 団体 and its prefecture.</summary>
public static class InquiryApi
{
    public static IEndpointRouteBuilder MapInquiryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/migration/inquiries").WithTags("標準化（課題・質問）");
        group.MapGet("", List).WithSummary("課題・質問の一覧（回答待ちの長い順）")
            .WithDescription("status = open（回答待ち）| answered（回答済み）| closed（終了）| all（既定）、organizationCode、business（番号または名前）で絞り込めます。" +
                             "都道府県の職員はすべての団体の、団体の担当者は自団体のものだけが返ります。waitingBusinessDays は回答を待っている開庁日数です。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("", Create).DisableAntiforgery().AcceptsUploads()
            .WithSummary("課題・質問の登録（団体の担当者、multipart: title, body, business?, step?, files?）")
            .WithDescription("organizationCode を省くと自団体。business（番号・正式名・様式名）と step（番号または ①-1）は任意で、step には business が必要です。" +
                             "files は 1 回に 5 個まで、1 ファイル 10 MB まで。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{id:long}", Get).WithSummary("課題・質問のスレッド").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/messages", Reply).DisableAntiforgery().AcceptsUploads()
            .WithSummary("返信（multipart: body, files?）").WithDescription("都道府県の返信で「回答済み」に、団体の返信で「回答待ち」に戻ります。終了したものには返信できません（409）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapPost("/{id:long}/close", Close).DisableAntiforgery().WithSummary("終了する（どちらの側からでも）")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/reopen", Reopen).DisableAntiforgery().WithSummary("再開する（回答待ちに戻ります）")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:long}/attachments/{attachmentId:long}", Attachment).WithSummary("添付ファイルのダウンロード")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<InquirySummary[]>, ProblemHttpResult>> List(string? status, string? organizationCode, string? business,
        InquiryService inquiries, ClaimsPrincipal user, CancellationToken ct)
    {
        ThreadStatus? parsedStatus = null;
        if (!string.IsNullOrWhiteSpace(status) && !string.Equals(status.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            if (!ThreadStatusText.TryParse(status, out var s))
                return Problems.Invalid("status", "状態（status）は open（回答待ち）/ answered（回答済み）/ closed（終了）のいずれかを指定してください。");
            parsedStatus = s;
        }
        int? businessNumber = null;
        if (!string.IsNullOrWhiteSpace(business))
        {
            if (MigrationCatalog.FindBusiness(business) is not { } found)
                return Problems.Invalid("business", $"業務「{business}」はありません。番号（1〜20）、正式名または様式の名前で指定してください。");
            businessNumber = found.Number;
        }
        var outcome = await inquiries.ListAsync(new InquiryFilter(parsedStatus, organizationCode?.Trim(), businessNumber), user, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!.ToArray()) : Problems.Refusal(outcome);
    }

    public static async Task<Results<Created<InquiryThread>, ProblemHttpResult>> Create(string tenant, [FromForm] string? title, [FromForm] string? body,
        [FromForm] string? organizationCode, [FromForm] string? business, [FromForm] string? step, IFormFileCollection? files,
        InquiryService inquiries, ClaimsPrincipal user, CancellationToken ct)
    {
        var org = string.IsNullOrWhiteSpace(organizationCode) ? user.OwnOrganizationCode() ?? "" : organizationCode.Trim();
        int? businessNumber = null, stepNumber = null;
        if (!string.IsNullOrWhiteSpace(business))
        {
            if (MigrationCatalog.FindBusiness(business) is not { } found)
                return Problems.Invalid("business", $"業務「{business}」はありません。番号（1〜20）、正式名または様式の名前で指定してください。");
            businessNumber = found.Number;
        }
        if (!string.IsNullOrWhiteSpace(step))
        {
            if (MigrationCatalog.FindStep(step) is not { } found)
                return Problems.Invalid("step", $"ステップ「{step}」はありません。番号（1〜40）または ①-1 の形で指定してください。");
            stepNumber = found.Number;
        }
        var outcome = await inquiries.CreateAsync(new NewInquiry(org, businessNumber, stepNumber, title, body), files?.ToList() ?? [], user, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/{tenant}/migration/inquiries/{outcome.Value!.Inquiry.Id}", outcome.Value)
            : Problems.Refusal(outcome);
    }

    public static async Task<Results<Ok<InquiryThread>, ProblemHttpResult>> Get(long id, InquiryService inquiries, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await inquiries.GetAsync(id, user, ct));

    public static async Task<Results<Ok<InquiryThread>, ProblemHttpResult>> Reply(long id, [FromForm] string? body, IFormFileCollection? files,
        InquiryService inquiries, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await inquiries.ReplyAsync(id, body, files?.ToList() ?? [], user, ct));

    public static async Task<Results<Ok<InquiryThread>, ProblemHttpResult>> Close(long id, InquiryCommentRequest? request, InquiryService inquiries,
        ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await inquiries.SetClosedAsync(id, close: true, request?.Comment, user, ct));

    public static async Task<Results<Ok<InquiryThread>, ProblemHttpResult>> Reopen(long id, InquiryCommentRequest? request, InquiryService inquiries,
        ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await inquiries.SetClosedAsync(id, close: false, request?.Comment, user, ct));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Attachment(long id, long attachmentId, InquiryService inquiries,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await inquiries.DownloadAttachmentAsync(id, attachmentId, user, ct);
        return outcome.Succeeded
            ? UploadEndpoints.Attachment(outcome.Value!.FileName, outcome.Value.ContentType, outcome.Value.Content)
            : Problems.Refusal(outcome);
    }

    private static Results<Ok<InquiryThread>, ProblemHttpResult> Answer(Outcome<InquiryThread> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problems.Refusal(outcome);
}
