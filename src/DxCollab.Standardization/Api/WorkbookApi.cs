using System.Security.Claims;
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

    public static IEndpointRouteBuilder MapWorkbookApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/migration").WithTags("標準化");
        group.MapPost("/import", Import).DisableAntiforgery()
            .WithSummary("総務省様式（業務別ステップ別進捗一覧）の取り込み")
            .WithDescription("multipart の file に xlsx または CSV。1 行でも誤りがあれば何も変更せず、行ごとに反映・却下と理由を返します（全件か無か）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/export", Export).WithSummary("総務省様式での書き出し（xlsx / csv）")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/progress/export", ExportCategoryTable).WithSummary("団体区分ごとの進捗率の表（xlsx / csv）")
            .WithDescription("総務省の表と同じ行（全市区町村、指定都市、特別区、中核市、指定都市・中核市以外の市、町村、都道府県）と列（行数、完了率、作業中率、未着手率、%は小数第1位）。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    public static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ValidationProblem, ProblemHttpResult>> Import(IFormFile? file,
        WorkbookExchange exchange, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Imports.ImportRuns.MayImport(user))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "この操作を行う権限がありません。",
                detail: "取り込みができるのは、都道府県の職員と団体の担当者だけです。");
        if (file is null || file.Length == 0) return Invalid("file", "取り込むファイル（xlsx または CSV）を選んでください。");
        if (file.Length > Imports.ImportRuns.MaxUploadBytes)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "ファイルが大きすぎます。", detail: Imports.ImportRuns.TooLargeMessage);
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

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportCategoryTable(string? format, ProgressReport report, CancellationToken ct)
    {
        var kind = (format ?? "xlsx").Trim().ToLowerInvariant();
        if (kind is not ("xlsx" or "csv")) return Invalid("format", "format は xlsx または csv を指定してください。");
        var rows = (await report.ComputeAsync(ProgressGrouping.Category, ct)).Select(g => new Dictionary<string, object>
        {
            ["団体区分"] = g.Label,
            ["行数"] = g.Rows,
            ["完了率(%)"] = ProgressMath.ToDisplayPercent((decimal)g.CompletionRate),
            ["作業中率(%)"] = ProgressMath.ToDisplayPercent((decimal)g.InProgressRate),
            ["未着手率(%)"] = ProgressMath.ToDisplayPercent((decimal)g.NotStartedRate),
        }).ToList();
        byte[] content;
        if (kind == "xlsx")
        {
            using var buffer = new MemoryStream();
            MiniExcelLibs.MiniExcel.SaveAs(buffer, rows, sheetName: "団体区分別進捗");
            content = buffer.ToArray();
        }
        else
        {
            var lines = new List<string> { string.Join(",", rows[0].Keys) };
            lines.AddRange(rows.Select(r => string.Join(",", r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))));
            content = [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];
        }
        var contentType = kind == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
        return TypedResults.File(content, contentType, $"団体区分別進捗.{kind}");
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "入力内容に誤りがあります。");
}
