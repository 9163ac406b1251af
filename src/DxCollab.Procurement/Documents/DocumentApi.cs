using System.Security.Claims;
using DxCollab.Platform.Files;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Procurement.Documents;

/// <summary>/api/v1/{tenant}/procurements/{id}/documents …, /folders and /decisions.</summary>
public static class DocumentApi
{
    public static IEndpointRouteBuilder MapDocumentApi(this IEndpointRouteBuilder tenantApi)
    {
        var group = tenantApi.Procurements();
        group.MapGet("/{id:long}/documents", List).WithSummary("文書の一覧（フォルダ、最新の版、版の数。公開区分で見られるものだけ）")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/folders", CreateFolder).WithSummary("フォルダを作る（代表団体・参加団体、name 必須）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/documents", Create).DisableAntiforgery().AcceptsUploads()
            .WithSummary("文書を登録する（第1版。multipart: title、confidentiality = Public/MembersOnly/Sensitive または 公開可/参加団体限り/機微、folderId、changeNote、file）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{id:long}/documents/{docId:long}", Get).WithSummary("文書の版の一覧（承認の状況、コメント）").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/documents/{docId:long}/revisions", AddRevision).DisableAntiforgery().AcceptsUploads()
            .WithSummary("新しい版を登録する（multipart: changeNote 必須、file）。同時に登録されても版番号は重なりません")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{id:long}/documents/{docId:long}/revisions/{n:int}/file", Download).WithSummary("版のファイルをダウンロード（常に添付として）")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/documents/{docId:long}/compare", Compare).WithSummary("2つの版の比較（a, b = 版番号。名前・大きさ・SHA-256・登録者・変更内容・承認）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/documents/{docId:long}/revisions/{n:int}/approval", Ask).WithSummary("この版の承認を依頼する（代表団体、dueOn は任意）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/documents/{docId:long}/revisions/{n:int}/approval/close", Close).WithSummary("この版の承認を締め切る（代表団体）")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/documents/{docId:long}/revisions/{n:int}/verdicts", Verdict)
            .WithSummary("承認・差戻しを記録する（代表団体・参加団体。approved、差戻しは comment 必須。締切まで変更可）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/documents/{docId:long}/revisions/{n:int}/comments", Comment).WithSummary("版にコメントする（閲覧できる人すべて）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/decisions", Decisions).WithSummary("決定事項の一覧（決定日の順）").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/decisions", RecordDecision).WithSummary("決定事項を記録する（代表団体。decidedOn、matter、basisRevisionId、attendeeCodes）")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{id:long}/decisions/export", Export).WithSummary("決定事項の一覧を Excel（xlsx）で").ProducesProblem(StatusCodes.Status404NotFound);
        return tenantApi;
    }

    public static async Task<Results<Ok<DocumentList>, ProblemHttpResult>> List(long id, DocumentService documents, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Answer(await documents.ListAsync(id, user, ct));

    public static async Task<Results<Created<FolderView>, ProblemHttpResult>> CreateFolder(string tenant, long id, FolderInput input, DocumentService documents,
        ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Created(await documents.CreateFolderAsync(id, input, user, ct), _ => $"/api/v1/{tenant}/procurements/{id}/documents");

    public static async Task<Results<Created<DocumentDetail>, ProblemHttpResult>> Create(string tenant, long id, [FromForm] string? title,
        [FromForm] long? folderId, [FromForm] string? confidentiality, [FromForm] string? changeNote, IFormFile? file, DocumentService documents,
        ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Created(await documents.CreateAsync(id, title, folderId, confidentiality, changeNote, file, user, ct),
            d => $"/api/v1/{tenant}/procurements/{id}/documents/{d.Id}");

    public static async Task<Results<Ok<DocumentDetail>, ProblemHttpResult>> Get(long id, long docId, DocumentService documents, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await documents.GetAsync(id, docId, user, ct));

    public static async Task<Results<Created<RevisionView>, ProblemHttpResult>> AddRevision(string tenant, long id, long docId, [FromForm] string? changeNote,
        IFormFile? file, DocumentService documents, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Created(await documents.AddRevisionAsync(id, docId, changeNote, file, user, ct),
            r => $"/api/v1/{tenant}/procurements/{id}/documents/{docId}/revisions/{r.Number}/file");

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(long id, long docId, int n, DocumentService documents,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await documents.OpenFileAsync(id, docId, n, user, ct);
        return outcome.Succeeded ? UploadEndpoints.Attachment(outcome.Value!.FileName, outcome.Value.ContentType, outcome.Value.Content)
            : Problems.Refusal(outcome);
    }

    public static async Task<Results<Ok<RevisionComparison>, ProblemHttpResult>> Compare(long id, long docId, int? a, int? b, DocumentService documents,
        ClaimsPrincipal user, CancellationToken ct) => OutcomeResults.Answer(await documents.CompareAsync(id, docId, a, b, user, ct));

    public static async Task<Results<Ok<ApprovalView>, ProblemHttpResult>> Ask(long id, long docId, int n, ApprovalInput? input, ApprovalService approvals,
        ClaimsPrincipal user, CancellationToken ct) => OutcomeResults.Answer(await approvals.AskAsync(id, docId, n, input ?? new(null), user, ct));

    public static async Task<Results<Ok<ApprovalView>, ProblemHttpResult>> Close(long id, long docId, int n, ApprovalService approvals,
        ClaimsPrincipal user, CancellationToken ct) => OutcomeResults.Answer(await approvals.CloseAsync(id, docId, n, user, ct));

    public static async Task<Results<Ok<ApprovalView>, ProblemHttpResult>> Verdict(long id, long docId, int n, VerdictInput input, ApprovalService approvals,
        ClaimsPrincipal user, CancellationToken ct) => OutcomeResults.Answer(await approvals.RecordVerdictAsync(id, docId, n, input, user, ct));

    public static async Task<Results<Created<CommentView>, ProblemHttpResult>> Comment(string tenant, long id, long docId, int n, CommentInput input,
        ApprovalService approvals, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Created(await approvals.CommentAsync(id, docId, n, input, user, ct), _ => $"/api/v1/{tenant}/procurements/{id}/documents/{docId}");

    public static async Task<Results<Ok<IReadOnlyList<DecisionView>>, ProblemHttpResult>> Decisions(long id, DecisionService decisions, ClaimsPrincipal user,
        CancellationToken ct) => OutcomeResults.Answer(await decisions.ListAsync(id, user, ct));

    public static async Task<Results<Created<DecisionView>, ProblemHttpResult>> RecordDecision(string tenant, long id, DecisionInput input,
        DecisionService decisions, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Created(await decisions.RecordAsync(id, input, user, ct), _ => $"/api/v1/{tenant}/procurements/{id}/decisions");

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(long id, DecisionService decisions, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var outcome = await decisions.ExportAsync(id, user, ct);
        return outcome.Succeeded ? UploadEndpoints.Attachment(outcome.Value.FileName, Platform.Exports.TabularExport.XlsxContentType, outcome.Value.Content)
            : Problems.Refusal(outcome);
    }
}
