using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Standardization.Tracking;
using DxCollab.Standardization.Workbook;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Standardization.Api;

/// <summary>Import and export of the 総務省 workbook layout (sheet 「業務別ステップ別進捗一覧」), xlsx or CSV.</summary>
public static class WorkbookApi
{
    public const long MaxUploadBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapWorkbookApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/{tenant}/migration").WithTags("標準化").RequireAuthorization(Policies.TenantMember);
        group.MapPost("/import", Import).DisableAntiforgery()
            .WithSummary("総務省様式（業務別ステップ別進捗一覧）の取り込み")
            .WithDescription("multipart の file に xlsx または CSV。1 行でも誤りがあれば何も変更せず、行ごとに反映・却下と理由を返します（全件か無か）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/export", Export).WithSummary("総務省様式での書き出し（xlsx / csv）")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    public static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ValidationProblem>> Import(IFormFile? file,
        WorkbookExchange exchange, ClaimsPrincipal user, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Invalid("file", "取り込むファイル（xlsx または CSV）を選んでください。");
        if (file.Length > MaxUploadBytes) return Invalid("file", "ファイルが大きすぎます（上限 20 MB）。");
        await using var stream = file.OpenReadStream();
        var read = await WorkbookReader.ReadAsync(stream, cancellationToken: ct);
        var report = await exchange.ImportAsync(read, user, ct);
        if (report.FileErrors.Count > 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [.. report.FileErrors] }, title: "ファイルを読み取れませんでした。");
        return report.Applied ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(string? format, WorkbookExchange exchange, CancellationToken ct)
    {
        var kind = (format ?? "xlsx").Trim().ToLowerInvariant();
        if (kind is not ("xlsx" or "csv")) return Invalid("format", "format は xlsx または csv を指定してください。");
        var rows = await exchange.ExportRowsAsync(ct);
        using var buffer = new MemoryStream();
        if (kind == "xlsx") WorkbookWriter.WriteXlsx(buffer, rows); else WorkbookWriter.WriteCsv(buffer, rows);
        var contentType = kind == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
        return TypedResults.File(buffer.ToArray(), contentType, $"{WorkbookLayout.SheetName}.{kind}");
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "入力内容に誤りがあります。");
}
