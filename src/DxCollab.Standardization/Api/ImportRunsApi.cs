using System.Security.Claims;
using DxCollab.Standardization.Imports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Standardization.Api;

public sealed record ImportRunStarted(Guid Id, string StatusUrl);

/// <summary>/api/v1/{tenant}/migration/imports: the workbook import in the background, with its progress (the import
/// page polls it). The synchronous POST …/migration/import stays for integrations with small files.</summary>
public static class ImportRunsApi
{
    public static IEndpointRouteBuilder MapImportRunsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/migration/imports").WithTags("標準化");
        group.MapPost("", Start).DisableAntiforgery()
            .WithSummary("総務省様式の取り込みをバックグラウンドで開始").WithDescription("multipart の file に xlsx または CSV（20 MB まで）。202 と進捗の URL を返します。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{id:guid}", Get).WithSummary("取り込みの進捗と結果（行ごとの反映・却下と理由）")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Accepted<ImportRunStarted>, ValidationProblem, ProblemHttpResult>> Start(string tenant, IFormFile? file,
        ImportRuns runs, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ImportRuns.MayImport(user))
            return TypedResults.Problem(statusCode: 403, title: "この操作を行う権限がありません。", detail: "取り込みができるのは都道府県の職員と市区町村の担当者です。");
        if (ImportRuns.Check(file?.FileName, file?.Length ?? 0) is { } error)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [error] }, title: "入力内容に誤りがあります。");
        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, ct);
        var id = await runs.StartAsync(file.FileName, buffer.ToArray(), user, ct);
        var url = $"/api/v1/{tenant}/migration/imports/{id}";
        return TypedResults.Accepted(url, new ImportRunStarted(id, url));
    }

    public static async Task<Results<Ok<ImportRunView>, ProblemHttpResult>> Get(Guid id, ImportRuns runs, ClaimsPrincipal user, CancellationToken ct) =>
        await runs.FindAsync(id, user, ct) is { } run
            ? TypedResults.Ok(run)
            : TypedResults.Problem(statusCode: 404, title: "取り込みが見つかりません。", detail: "この取り込みはないか、見る権限がありません。");
}
