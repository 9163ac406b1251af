using System.Security.Claims;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Web;
using DxCollab.Standardization.Evidence;
using DxCollab.Standardization.Files;
using DxCollab.Standardization.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Standardization.Api;

/// <summary>/api/v1/{tenant}/migration/…/evidence: 証跡 (契約書, 移行計画書, テスト結果 …) of a step.</summary>
public static class EvidenceApi
{
    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/migration").WithTags("標準化（証跡）");
        group.MapGet("/{orgCode}/{business}/steps/{stepNo}/evidence", List).WithSummary("ステップの証跡の一覧（ファイルの中身は含みません）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{orgCode}/{business}/steps/{stepNo}/evidence", Upload).DisableAntiforgery().AcceptsUploads()
            .WithSummary("証跡のアップロード（multipart: file, description）")
            .WithDescription("1 ファイル 10 MB まで（Migration:Files:MaxFileBytes）。受け付ける種類: " + FileTypes.AllowedText + "。ファイル名（日本語可）はダウンロード時にそのまま返します。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/evidence/{id:long}", Download).WithSummary("証跡のダウンロード").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/evidence/{id:long}", Delete).WithSummary("証跡の削除（登録した本人または都道府県の職員）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<EvidenceItem[]>, ProblemHttpResult>> List(string orgCode, string business, string stepNo,
        EvidenceService evidence, ClaimsPrincipal user, CancellationToken ct)
    {
        var (b, s, problem) = Parse(business, stepNo);
        if (problem is not null) return problem;
        var outcome = await evidence.ListAsync(orgCode, b, s, user, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!.ToArray()) : Problems.Refusal(outcome);
    }

    public static async Task<Results<Created<EvidenceItem>, ProblemHttpResult>> Upload(string tenant, string orgCode, string business,
        string stepNo, IFormFile? file, [FromForm] string? description, EvidenceService evidence, ClaimsPrincipal user, CancellationToken ct)
    {
        var (b, s, problem) = Parse(business, stepNo);
        if (problem is not null) return problem;
        var outcome = await evidence.UploadAsync(orgCode, b, s, file, description, user, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/{tenant}/migration/evidence/{outcome.Value!.Id}", outcome.Value)
            : Problems.Refusal(outcome);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(long id, EvidenceService evidence,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await evidence.DownloadAsync(id, user, ct);
        return outcome.Succeeded
            ? UploadEndpoints.Attachment(outcome.Value!.FileName, outcome.Value.ContentType, outcome.Value.Content)
            : Problems.Refusal(outcome);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, EvidenceService evidence, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var outcome = await evidence.DeleteAsync(id, user, ct);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.Refusal(outcome);
    }

    private static (int Business, int Step, ProblemHttpResult? Problem) Parse(string business, string stepNo)
    {
        var b = MigrationCatalog.FindBusiness(business);
        if (b is null) return (0, 0, Problems.Invalid("business", $"業務「{business}」はありません。番号（1〜20）、正式名または様式の名前で指定してください。"));
        var s = MigrationCatalog.FindStep(stepNo);
        if (s is null) return (0, 0, Problems.Invalid("stepNo", $"ステップ「{stepNo}」はありません。番号（1〜40）または ①-1 の形で指定してください。"));
        return (b.Number, s.Number, null);
    }
}
