using System.Security.Claims;
using DxCollab.Platform.Exports;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Procurement.Vendors;

/// <summary>/api/v1/{tenant}/procurements/{id}/questions: vendor Q&amp;A (the lead records, answers, publishes; readers see
/// published ones and leave notes; the export for vendors) and /rfi: the RFI matrix.</summary>
public static class VendorApi
{
    public static IEndpointRouteBuilder MapVendorApi(this IEndpointRouteBuilder tenantApi)
    {
        var group = tenantApi.Procurements();
        group.MapGet("/{id:long}/questions", List).WithSummary("事業者からの質問と回答（代表団体は未公開のものも）")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/questions", Record).WithSummary("事業者からの質問を記録する（代表団体）")
            .WithDescription("stage（Rfi / Rfp）、vendorName、question は必須。receivedOn（受付日、既定は今日）と answer は任意。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:long}/questions/{questionId:long}/answer", Answer).WithSummary("質問に回答する・回答を直す（代表団体）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/questions/{questionId:long}/publish", Publish).WithSummary("回答を参加団体に公開する（代表団体）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/questions/{questionId:long}/notes", Note).WithSummary("公開された質問・回答へのコメントや提案")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/questions/export", Export).WithSummary("公開済みの質問と回答の一覧（事業者に送る版: 質問1…、事業者名なし）")
            .WithDescription("format は xlsx（既定）または csv。" + ExportEncodings.ParameterDescription)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return tenantApi;
    }

    public static async Task<Results<Ok<VendorQuestionList>, ProblemHttpResult>> List(long id, VendorQuestionService questions, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await questions.ListAsync(id, user, ct));

    public static async Task<Results<Created<VendorQuestionView>, ProblemHttpResult>> Record(string tenant, long id, VendorQuestionInput input,
        VendorQuestionService questions, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Created(await questions.RecordAsync(id, input, user, ct), q => $"/api/v1/{tenant}/procurements/{id}/questions/{q.Id}");

    public static async Task<Results<Ok<VendorQuestionView>, ProblemHttpResult>> Answer(long id, long questionId, VendorAnswerInput input,
        VendorQuestionService questions, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Answer(await questions.AnswerAsync(id, questionId, input, user, ct));

    public static async Task<Results<Ok<VendorQuestionView>, ProblemHttpResult>> Publish(long id, long questionId, VendorQuestionService questions,
        ClaimsPrincipal user, CancellationToken ct) => OutcomeResults.Answer(await questions.PublishAsync(id, questionId, user, ct));

    public static async Task<Results<Created<VendorNoteView>, ProblemHttpResult>> Note(string tenant, long id, long questionId, VendorNoteInput input,
        VendorQuestionService questions, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Created(await questions.NoteAsync(id, questionId, input, user, ct), _ => $"/api/v1/{tenant}/procurements/{id}/questions");

    public static async Task<Results<FileContentHttpResult, EmptyHttpResult, ProblemHttpResult>> Export(long id, string? format, string? encoding,
        HttpContext http, VendorQuestionService questions, ClaimsPrincipal user, CancellationToken ct)
    {
        format = (format ?? "xlsx").Trim().ToLowerInvariant();
        if (format is not ("xlsx" or "csv")) return Problems.Invalid("format", "形式（format）は xlsx または csv を指定してください。");
        if (!ExportEncodings.TryParse(encoding, out var csvEncoding)) return CsvDownload.InvalidEncoding();
        var outcome = await questions.PublishedAsync(id, user, ct);
        if (!outcome.Succeeded) return Problems.Refusal(outcome);
        var (title, published) = outcome.Value;
        return await Tables.SendAsync(http, format, csvEncoding, VendorExport.Headers, VendorExport.Rows(published), "質問と回答",
            VendorExport.FileName(title, format), $"procurement{id}_questions.{format}", ct);
    }
}

/// <summary>/api/v1/{tenant}/procurements/{id}/rfi: items × vendors.</summary>
public static class RfiApi
{
    public static IEndpointRouteBuilder MapRfiApi(this IEndpointRouteBuilder tenantApi)
    {
        var group = tenantApi.Procurements();
        group.MapGet("/{id:long}/rfi", Matrix).WithSummary("RFIの比較表（項目 × 事業者）").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/rfi/items", AddItem).WithSummary("RFIの項目を加える（代表団体）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:long}/rfi/answers", RecordAnswer).WithSummary("事業者の回答を記録する・直す（代表団体）")
            .WithDescription("itemId、vendorName、answer は必須。同じ事業者・項目の回答は置き換えます。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/rfi/export", Export).WithSummary("RFIの比較表（xlsx）").ProducesProblem(StatusCodes.Status404NotFound);
        return tenantApi;
    }

    public static async Task<Results<Ok<RfiMatrix>, ProblemHttpResult>> Matrix(long id, RfiService rfi, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Answer(await rfi.MatrixAsync(id, user, ct));

    public static async Task<Results<Created<RfiItemView>, ProblemHttpResult>> AddItem(string tenant, long id, RfiItemInput input, RfiService rfi,
        ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Created(await rfi.AddItemAsync(id, input, user, ct), _ => $"/api/v1/{tenant}/procurements/{id}/rfi");

    public static async Task<Results<Ok<RfiMatrix>, ProblemHttpResult>> RecordAnswer(long id, RfiAnswerInput input, RfiService rfi, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await rfi.RecordAnswerAsync(id, input, user, ct));

    public static async Task<Results<FileContentHttpResult, EmptyHttpResult, ProblemHttpResult>> Export(long id, HttpContext http, RfiService rfi,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await rfi.MatrixAsync(id, user, ct);
        if (!outcome.Succeeded) return Problems.Refusal(outcome);
        var (headers, rows) = RfiService.Table(outcome.Value!);
        return await Tables.SendAsync(http, "xlsx", ExportEncoding.Utf8, headers, rows, "RFI比較表",
            $"{VendorExport.SafeName(outcome.Value!.WorkspaceTitle)}_RFI比較表.xlsx", $"procurement{id}_rfi.xlsx", ct);
    }
}
