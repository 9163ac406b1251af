using System.Security.Claims;
using DxCollab.Platform.Exports;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Forms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Surveys.Answering;

public sealed record SaveDraftRequest(int? Version, Dictionary<string, Answer>? Answers);
public sealed record ConfirmRequest(int? Version, string[]? Keys);
public sealed record ReturnRequest(string? Comment);
public sealed record ExtensionRequestBody(DateOnly? RequestedDeadline, string? Reason);
public sealed record ExtensionDecisionRequest(string? Decision, string? Comment);

public sealed record AnswerErrorDto(string Field, string QuestionKey, string Rule, string Message);
public sealed record ExtensionDto(long Id, DateOnly RequestedDeadline, string Reason, string Decision, string DecisionName, DateTime RequestedAt,
    string RequestedBy, DateTime? DecidedAt, string? DecidedBy, string? DecisionComment);

/// <summary>A response as the API returns it (states by name; the form itself is the survey's, from the authoring API).</summary>
public sealed record ResponseDto(long SurveyId, string SurveyTitle, string RespondentCode, string RespondentName, string State, string StateName,
    int Version, DateOnly Deadline, DateOnly? ExtendedDeadline, DateOnly EffectiveDeadline, DateTime? LastSavedAt, string? LastSavedBy,
    DateTime? SubmittedAt, string? SubmittedBy, DateTime? ReturnedAt, string? ReturnedBy, string? ReturnComment, string? LockedReason,
    Dictionary<string, Answer> Answers, AnswerErrorDto[] Errors, FileItem[] Files, ExtensionDto[] Extensions, int UnconfirmedCount)
{
    public static ResponseDto From(ResponseView v) => new(v.SurveyId, v.SurveyTitle, v.RespondentCode, v.RespondentName, v.State.ToString(),
        v.StateName, v.Version, v.Deadline, v.ExtendedDeadline, v.EffectiveDeadline, v.LastSavedAt, v.LastSavedBy, v.SubmittedAt, v.SubmittedBy,
        v.ReturnedAt, v.ReturnedBy, v.ReturnComment, v.LockedReason, v.Answers.Answers,
        [.. v.Errors.Select(e => new AnswerErrorDto(e.Field, e.QuestionKey, e.Rule.ToString(), e.Message))], [.. v.Files],
        [.. v.Extensions.Select(ExtensionDtoOf)], v.UnconfirmedCount);

    public static ExtensionDto ExtensionDtoOf(ExtensionView e) => new(e.Id, e.RequestedDeadline, e.Reason, e.Decision.ToString(), e.DecisionName,
        e.RequestedAt, e.RequestedBy, e.DecidedAt, e.DecidedBy, e.DecisionComment);
}

/// <summary>/api/v1/{tenant}/surveys/{id}/responses/{code}: one respondent's answer (団体コード or D{id} for a
/// prefecture department). Refusals are ProblemDetails naming the question and the rule; a stale save is 409 with the
/// current draft in <c>current</c>.</summary>
public static class ResponseApi
{
    public static IEndpointRouteBuilder MapResponseApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/surveys/{id:long}/responses/{code}").WithTags("照会（回答）")
            .RequireAuthorization(Policies.OrganizationStaff);
        group.MapGet("", Get).WithSummary("回答（下書き・提出済み）を取得").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("", Save).DisableAntiforgery().WithSummary("下書きを保存")
            .WithDescription("version は取得したときの値。送った設問の回答だけを置き換えます。ほかの人が先に保存していたら 409（current に保存済みの下書き）。"
                + "入力の誤りがあっても保存し、errors に設問と規則を返します。")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/submit", Submit).DisableAntiforgery().WithSummary("提出（answers があれば先に下書きとして保存）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/confirm", Confirm).DisableAntiforgery().WithSummary("前回の回答などから入力された値を確認（keys を省くとすべて）")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/return", Return).DisableAntiforgery().WithSummary("差戻し（都道府県の職員、コメント必須）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/extension", RequestExtension).DisableAntiforgery().WithSummary("期限延長の申出（理由と希望する期限）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/extension/{requestId:long}/decision", DecideExtension).DisableAntiforgery()
            .WithSummary("期限延長の申出への回答（decision = grant | refuse、都道府県の職員）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/files/{questionKey}", Upload).DisableAntiforgery().AcceptsUploads()
            .WithSummary("ファイルの設問に添付（multipart: file, version）")
            .WithDescription("1 ファイル 10 MB まで。受け付ける種類: PDF、Office 文書、画像、CSV、テキスト。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/files/{fileId:long}", DownloadFile).WithSummary("添付ファイルのダウンロード").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/download", Download).WithSummary("回答のダウンロード（format = xlsx | csv、encoding = utf-8 | sjis）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<ResponseDto>, ProblemHttpResult>> Get(long id, string code, ResponseService responses,
        ClaimsPrincipal user, CancellationToken ct) => Answer(await responses.GetAsync(id, code, user, ct));

    public static async Task<Results<Ok<ResponseDto>, ProblemHttpResult>> Save(long id, string code, SaveDraftRequest body,
        ResponseService responses, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body.Version is not { } version) return Problems.Invalid("version", "version（取得したときの版）を指定してください。");
        return Answer(await responses.SaveDraftAsync(id, code, new DraftInput(version, body.Answers ?? []), user, ct));
    }

    public static async Task<Results<Ok<ResponseDto>, ProblemHttpResult>> Submit(long id, string code, SaveDraftRequest body,
        ResponseService responses, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body.Version is not { } version) return Problems.Invalid("version", "version（取得したときの版）を指定してください。");
        return Answer(await responses.SubmitAsync(id, code, new DraftInput(version, body.Answers ?? []), user, ct));
    }

    public static async Task<Results<Ok<ResponseDto>, ProblemHttpResult>> Confirm(long id, string code, ConfirmRequest body,
        ResponseService responses, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body.Version is not { } version) return Problems.Invalid("version", "version（取得したときの版）を指定してください。");
        return Answer(await responses.ConfirmAsync(id, code, version, body.Keys, user, ct));
    }

    public static async Task<Results<Ok<ResponseDto>, ProblemHttpResult>> Return(long id, string code, ReturnRequest body,
        ResponseService responses, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(await responses.ReturnAsync(id, code, body.Comment, user, ct));

    public static async Task<Results<Created<ExtensionDto>, ProblemHttpResult>> RequestExtension(string tenant, long id, string code,
        ExtensionRequestBody body, ResponseService responses, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await responses.RequestExtensionAsync(id, code, new ExtensionInput(body.RequestedDeadline, body.Reason), user, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/{tenant}/surveys/{id}/responses/{code}", ResponseDto.ExtensionDtoOf(outcome.Value!))
            : Problems.Refusal(outcome);
    }

    public static async Task<Results<Ok<ExtensionDto>, ProblemHttpResult>> DecideExtension(long id, string code, long requestId,
        ExtensionDecisionRequest body, ResponseService responses, ClaimsPrincipal user, CancellationToken ct)
    {
        bool? grant = body.Decision?.Trim().ToLowerInvariant() switch { "grant" or "granted" => true, "refuse" or "refused" => false, _ => null };
        if (grant is null) return Problems.Invalid("decision", "decision には grant（承認）か refuse（不承認）を指定してください。");
        var outcome = await responses.DecideExtensionAsync(id, code, requestId, new ExtensionDecisionInput(grant.Value, body.Comment), user, ct);
        return outcome.Succeeded ? TypedResults.Ok(ResponseDto.ExtensionDtoOf(outcome.Value!)) : Problems.Refusal(outcome);
    }

    public static async Task<Results<Ok<ResponseDto>, ProblemHttpResult>> Upload(long id, string code, string questionKey, IFormFile? file,
        [FromForm] int? version, ResponseFiles files, ClaimsPrincipal user, CancellationToken ct)
    {
        if (version is not { } v) return Problems.Invalid("version", "version（取得したときの版）を指定してください。");
        return Answer(await files.UploadAsync(id, code, questionKey, v, file, user, ct));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadFile(long id, string code, long fileId,
        ResponseFiles files, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await files.DownloadAsync(id, code, fileId, user, ct);
        return outcome.Succeeded
            ? UploadEndpoints.Attachment(outcome.Value!.FileName, outcome.Value.ContentType, outcome.Value.Content)
            : Problems.Refusal(outcome);
    }

    public static async Task<Results<FileContentHttpResult, EmptyHttpResult, ProblemHttpResult>> Download(long id, string code, string? format,
        string? encoding, HttpContext http, ResponseService responses, ClaimsPrincipal user, CancellationToken ct)
    {
        format = (format ?? "xlsx").Trim().ToLowerInvariant();
        if (format is not ("xlsx" or "csv")) return Problems.Invalid("format", "形式（format）は xlsx または csv を指定してください。");
        if (!ExportEncodings.TryParse(encoding, out var csvEncoding)) return CsvDownload.InvalidEncoding();
        var outcome = await responses.GetAsync(id, code, user, ct);
        if (!outcome.Succeeded) return Problems.Refusal(outcome);
        var view = outcome.Value!;
        if (format == "xlsx")
        {
            using var buffer = new MemoryStream();
            TabularExport.WriteXlsx(buffer, AnswerDownload.Headers, AnswerDownload.Rows(view), "回答");
            return TypedResults.File(buffer.ToArray(), TabularExport.XlsxContentType, AnswerDownload.FileName(view, "xlsx"));
        }
        var refused = await CsvDownload.SendAsync(http, AnswerDownload.FileName(view, "csv"), csvEncoding,
            // One answer is small: written in memory (the response stream takes no synchronous writes), then copied.
            async (stream, token) =>
            {
                using var buffer = new MemoryStream();
                TabularExport.WriteCsv(buffer, AnswerDownload.Headers, AnswerDownload.Rows(view), csvEncoding);
                buffer.Position = 0;
                await buffer.CopyToAsync(stream, token);
            },
            ct, asciiFileName: $"survey{view.SurveyId}_{view.RespondentCode}.csv");
        return refused is null ? TypedResults.Empty : refused;
    }

    /// <summary>A response, or its refusal: a stale save carries the current draft (<c>current</c>); a refused submission
    /// lists every answer at fault (<c>errors</c>, keyed by question) and the saved draft.</summary>
    private static Results<Ok<ResponseDto>, ProblemHttpResult> Answer(Outcome<ResponseView> outcome)
    {
        if (outcome.Succeeded) return TypedResults.Ok(ResponseDto.From(outcome.Value!));
        if (outcome.Value is not { } view) return Problems.Refusal(outcome);
        var current = ResponseDto.From(view);
        return outcome.Kind == OutcomeKind.Invalid
            ? Problems.Invalid(view.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                "提出できません。回答を直してください。", outcome.Message).With("current", current)
            : Problems.Conflict(outcome.Message, "回答はほかの人が先に保存しました。").With("current", current); // a stale save: the only other refusal with a view
    }
}
