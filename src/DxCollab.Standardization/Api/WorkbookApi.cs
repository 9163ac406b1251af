using System.ComponentModel;
using System.Security.Claims;
using DxCollab.Platform.Exports;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Web;
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

    public static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ProblemHttpResult>> Import(IFormFile? file,
        WorkbookExchange exchange, Imports.ImportRuns runs, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Imports.ImportRuns.MayImport(user))
            return Problems.Forbidden("取り込みができるのは、都道府県の職員と団体の担当者だけです。");
        if (file is null || file.Length == 0) return Problems.Invalid("file", "取り込むファイル（xlsx または CSV）を選んでください。");
        if (runs.IsTooLarge(file.Length)) return Problems.TooLarge(runs.TooLargeMessage);
        await using var stream = file.OpenReadStream();
        if (Platform.Files.ArchiveCheck.BombError(stream, file.FileName) is { } bomb) return Problems.Invalid("file", bomb);
        var read = await WorkbookReader.ReadAsync(stream, cancellationToken: ct);
        var report = await exchange.ImportAsync(read, user, ct);
        if (report.FileErrors.Count > 0)
            return Problems.Invalid(new Dictionary<string, string[]> { ["file"] = [.. report.FileErrors] }, "ファイルを読み取れませんでした。");
        return report.Applied ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(string? format,
        [Description(ExportEncodings.ParameterDescription)] string? encoding, WorkbookExchange exchange, CancellationToken ct)
    {
        var kind = (format ?? "xlsx").Trim().ToLowerInvariant();
        if (kind is not ("xlsx" or "csv")) return Problems.Invalid("format", "ファイルの形式（format）は xlsx または csv を指定してください。");
        if (!ExportEncodings.TryParse(encoding, out var csvEncoding)) return CsvDownload.InvalidEncoding();
        var rows = await exchange.ExportRowsAsync(ct);
        using var buffer = new MemoryStream();
        try
        {
            if (kind == "xlsx") WorkbookWriter.WriteXlsx(buffer, rows); else WorkbookWriter.WriteCsv(buffer, rows, csvEncoding);
        }
        catch (ExportEncodingException ex)
        {
            return CsvDownload.Refused(ex);
        }
        var contentType = kind == "xlsx" ? TabularExport.XlsxContentType : csvEncoding.CsvContentType();
        return TypedResults.File(buffer.ToArray(), contentType, $"{WorkbookLayout.SheetName}.{kind}");
    }

    /// <summary>The 団体区分 table as 総務省 publishes it; rates are numbers (％, one decimal).</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportCategoryTable(string? format,
        [Description(ExportEncodings.ParameterDescription)] string? encoding, ProgressReport report, CancellationToken ct)
    {
        var kind = (format ?? "xlsx").Trim().ToLowerInvariant();
        if (kind is not ("xlsx" or "csv")) return Problems.Invalid("format", "ファイルの形式（format）は xlsx または csv を指定してください。");
        if (!ExportEncodings.TryParse(encoding, out var csvEncoding)) return CsvDownload.InvalidEncoding();
        string[] headers = ["団体区分", "行数", "完了率(%)", "作業中率(%)", "未着手率(%)"];
        var rows = (await report.ComputeAsync(ProgressGrouping.Category, ct)).Select(g => (IReadOnlyList<object?>)
        [
            g.Label, g.Rows, ProgressMath.ToDisplayPercent((decimal)g.CompletionRate),
            ProgressMath.ToDisplayPercent((decimal)g.InProgressRate), ProgressMath.ToDisplayPercent((decimal)g.NotStartedRate),
        ]).ToList();
        using var buffer = new MemoryStream();
        if (kind == "xlsx") TabularExport.WriteXlsx(buffer, headers, rows, "団体区分別進捗");
        else TabularExport.WriteCsv(buffer, headers, rows, csvEncoding); // labels are 総務省 terms: always CP932-safe
        var contentType = kind == "xlsx" ? TabularExport.XlsxContentType : csvEncoding.CsvContentType();
        return TypedResults.File(buffer.ToArray(), contentType, $"団体区分別進捗.{kind}");
    }
}
