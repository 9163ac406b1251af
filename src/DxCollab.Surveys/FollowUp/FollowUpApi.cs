using System.ComponentModel;
using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Exports;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Surveys.FollowUp;

public sealed record StatusRowItem(string Code, string Name, string Category, string Status, string StatusName,
    DateTime? LastActivityAt, string? LastActivityBy, DateOnly Deadline, int? BusinessDaysLeft);

public sealed record StatusCountItem(string Status, string Name, int Count);

public sealed record StatusBoardResponse(long SurveyId, string Title, DateOnly Deadline, DateOnly Today, int RosterCount,
    StatusCountItem[] Counts, StatusRowItem[] Rows);

/// <summary>/api/v1/{tenant}/surveys/{id}/status, /reminders, /results, /export, /files.zip and /feedback/{code}.
/// Everything but 還元 is for the prefecture's staff (an officer gets 403; another tenant's survey is 404).</summary>
internal static class FollowUpApi
{
    public static IEndpointRouteBuilder MapFollowUpApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/surveys/{id:long}").WithTags("照会").RequireAuthorization(Policies.OrganizationStaff);
        group.MapGet("/status", Status).WithSummary("回答状況（都道府県の職員）")
            .WithDescription("state = not-submitted | not-started | drafting | submitted | returned | extended、category = 団体区分（DesignatedCity, CoreCity, SpecialWard, OtherCity, TownOrVillage, Prefecture）または Department、sort = code | name | status | activity | days、desc = true で降順。残り開庁日は日本時間の開庁日で、期限を過ぎると負の数です。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/reminders", Remind).DisableAntiforgery().WithSummary("未提出の団体に今すぐ督促")
            .WithDescription("提出済みでない回答先の団体の担当者全員に通知します。提出済みの団体には送りません。")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/results", GetResults).WithSummary("設問ごとの集計（提出済みの回答のみ）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/export", Export).WithSummary("回答の書き出し（xlsx / csv）")
            .WithDescription("format = xlsx（既定）| csv、encoding = utf-8（BOM 付き、既定）| shift_jis。1 団体 1 行、列は設問から決まり回答に左右されません。Shift_JIS で表せない文字があれば 400 で団体と設問を示します。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/files.zip", FilesZip).WithSummary("提出された添付ファイル一式（団体コードごとのフォルダ）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/feedback/{code}", Feedback).WithSummary("還元: 集計結果と自団体の回答")
            .WithDescription("締切後、非公開でない照会だけ。回答中は 403、非公開は 404。市区町村の担当者は自団体のみ。")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<StatusBoardResponse>, ProblemHttpResult>> Status(long id, string? state, string? category, string? sort,
        bool? desc, ClaimsPrincipal user, StatusBoard board, CancellationToken ct)
    {
        if (!RespondentStatuses.TryParseFilter(state, out var statuses))
            return Problems.Invalid("state", "状況（state）は not-submitted / not-started / drafting / submitted / returned / extended のいずれかを指定してください。");
        if (!string.IsNullOrEmpty(category) && category != "Department" && !Enum.TryParse<Platform.Organizations.OrganizationCategory>(category, out _))
            return Problems.Invalid("category", "団体区分（category）は DesignatedCity / CoreCity / SpecialWard / OtherCity / TownOrVillage / Prefecture / Department のいずれかを指定してください。");
        var order = string.IsNullOrEmpty(sort) ? "code" : sort;
        if (!StatusQuery.Sorts.Contains(order)) return Problems.Invalid("sort", "並び順（sort）は code / name / status / activity / days のいずれかを指定してください。");
        var outcome = await board.GetAsync(user, id, new StatusQuery(statuses, category, order, desc ?? false), ct);
        if (!outcome.Succeeded) return Problems.Refusal(outcome);
        var v = outcome.Value!;
        return TypedResults.Ok(new StatusBoardResponse(v.SurveyId, v.Title, v.Deadline, v.Today, v.RosterCount,
            [.. v.Counts.Select(c => new StatusCountItem(c.Status.Slug(), c.Name, c.Count))],
            [.. v.Rows.Select(r => new StatusRowItem(r.Code, r.Name, r.CategoryName, r.Status.Slug(), r.StatusName,
                r.LastActivityAt.AsUtc(), r.LastActivityBy, r.Deadline, r.BusinessDaysLeft))]));
    }

    public static async Task<Results<Ok<RemindResult>, ProblemHttpResult>> Remind(long id, ClaimsPrincipal user, StatusBoard board, CancellationToken ct)
    {
        var outcome = await board.RemindNowAsync(user, id, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problems.Refusal(outcome);
    }

    public static async Task<Results<Ok<SurveyResults>, ProblemHttpResult>> GetResults(long id, ClaimsPrincipal user, SurveyResultsService results,
        CancellationToken ct)
    {
        var outcome = await results.GetAsync(user, id, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problems.Refusal(outcome);
    }

    public static async Task<Results<Ok<FeedbackView>, ProblemHttpResult>> Feedback(long id, string code, ClaimsPrincipal user,
        SurveyResultsService results, CancellationToken ct)
    {
        var outcome = await results.FeedbackAsync(user, id, code, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problems.Refusal(outcome);
    }

    public static async Task<Results<FileStreamHttpResult, EmptyHttpResult, ProblemHttpResult>> Export(long id, string? format,
        [Description("CSV の文字コード: utf-8（既定、BOM 付き）または shift_jis。")] string? encoding,
        HttpContext http, ClaimsPrincipal user, DxCollabDbContext db, SurveyExporter exporter, CancellationToken ct)
    {
        var kind = (format ?? "xlsx").Trim().ToLowerInvariant();
        if (kind is not ("xlsx" or "csv")) return Problems.Invalid("format", "ファイルの形式（format）は xlsx または csv を指定してください。");
        if (!ExportEncodings.TryParse(encoding, out var csvEncoding))
            return Problems.Invalid("encoding", "文字コード（encoding）は utf-8 または shift_jis を指定してください。");
        var found = await StatusBoard.StaffSurveyAsync(db, user, id, ct);
        if (!found.Succeeded) return Problems.Refusal(found);
        var survey = found.Value!;
        if (kind == "xlsx")
        {
            var file = TemporaryFile();
            await exporter.WriteXlsxAsync(survey, file, ct);
            file.Position = 0;
            return TypedResults.Stream(file, TabularExport.XlsxContentType, SurveyExporter.FileName(survey, "回答一覧", "xlsx"));
        }
        string? refused = null;
        var problem = await CsvDownload.SendAsync(http, SurveyExporter.FileName(survey, "回答一覧", "csv"), csvEncoding, async (stream, token) =>
        {
            try
            {
                await exporter.WriteCsvAsync(survey, stream, csvEncoding, token);
            }
            catch (UnencodableCellException ex)
            {
                refused = ex.Message;
                throw (ExportEncodingException)ex.InnerException!;
            }
        }, ct, asciiFileName: $"survey-{survey.Id}.csv");
        if (problem is not null)
            return refused is null ? problem
                : Problems.Invalid(new Dictionary<string, string[]> { ["encoding"] = [refused] }, "Shift_JIS で書き出せない文字があります。");
        return TypedResults.Empty;
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> FilesZip(long id, ClaimsPrincipal user, DxCollabDbContext db,
        SurveyExporter exporter, CancellationToken ct)
    {
        var found = await StatusBoard.StaffSurveyAsync(db, user, id, ct);
        if (!found.Succeeded) return Problems.Refusal(found);
        var file = TemporaryFile();
        await exporter.WriteFilesZipAsync(found.Value!, file, ct);
        file.Position = 0;
        return TypedResults.Stream(file, "application/zip", SurveyExporter.FileName(found.Value!, "添付ファイル", "zip"));
    }

    /// <summary>A file deleted when the download stream is closed: the export is written there row by row, then sent.</summary>
    internal static FileStream TemporaryFile() =>
        new(Path.Combine(Path.GetTempPath(), "dxcollab-export-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
