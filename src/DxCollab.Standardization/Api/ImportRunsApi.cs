using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Web;
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

    public static async Task<Results<Accepted<ImportRunStarted>, ProblemHttpResult>> Start(string tenant, IFormFile? file,
        ImportRuns runs, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ImportRuns.MayImport(user))
            return Problems.Forbidden("取り込みができるのは都道府県の職員と市区町村の担当者です。");
        if (runs.Check(file?.FileName, file?.Length ?? 0) is { } error)
            return Problems.Invalid("file", error);
        await using (var stream = file!.OpenReadStream())
            if (Platform.Files.ArchiveCheck.BombError(stream, file.FileName) is { } bomb) return Problems.Invalid("file", bomb);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var id = await runs.StartAsync(file.FileName, buffer.ToArray(), user, ct);
        var url = $"/api/v1/{tenant}/migration/imports/{id}";
        return TypedResults.Accepted(url, new ImportRunStarted(id, url));
    }

    public static async Task<Results<Ok<ImportRunView>, ProblemHttpResult>> Get(Guid id, ImportRuns runs, ClaimsPrincipal user, CancellationToken ct) =>
        await runs.FindAsync(id, user, ct) is { } run
            ? TypedResults.Ok(run)
            : Problems.NotFound("この取り込みはないか、見る権限がありません。", "取り込みが見つかりません。");
}
