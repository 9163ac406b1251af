using DxCollab.Platform.Files;
using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Access;
using DxCollab.Procurement.Documents;
using DxCollab.Procurement.Domain;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement.Documents;

/// <summary>One document: its revisions (download, approval status and who answered, verdict form, comments), a new
/// revision's upload and the comparison of two revisions.</summary>
[RequestSizeLimit(UploadPolicy.RequestCeiling)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.RequestCeiling)]
public sealed class DetailModel(WorkspaceService workspaces, DocumentService documents, ApprovalService approvals) : TenantPageModel
{
    [FromRoute] public long Id { get; set; }
    [FromRoute] public long DocId { get; set; }
    [BindProperty] public string? ChangeNote { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Verdict { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public DateOnly? DueOn { get; set; }
    [FromQuery(Name = "a")] public int? CompareA { get; set; }
    [FromQuery(Name = "b")] public int? CompareB { get; set; }

    public Workspace Workspace { get; private set; } = null!;
    public WorkspaceSeat Seat { get; private set; } = WorkspaceSeat.None;
    public DocumentDetail Document { get; private set; } = null!;
    public RevisionComparison? Comparison { get; private set; }
    public UploadPolicy Policy => documents.UploadPolicy;
    public string? Problem { get; private set; }
    public string? ProblemField { get; private set; }
    /// <summary>The revision whose form the problem belongs to (null: the upload form).</summary>
    public int? ProblemNumber { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } absent) return absent;
        if (CompareA is not null || CompareB is not null)
        {
            var compared = await documents.CompareAsync(Id, DocId, CompareA, CompareB, User, ct);
            if (compared.Succeeded) Comparison = compared.Value;
            else (Problem, ProblemField) = (compared.Message, compared.Field == "b" ? "compare-b" : "compare-a");
            if (!compared.Succeeded) return RefusedPage(compared.Kind);
        }
        return Page();
    }

    /// <summary>第N版's file, always as an attachment.</summary>
    public async Task<IActionResult> OnGetFileAsync(int number, CancellationToken ct)
    {
        var outcome = await documents.OpenFileAsync(Id, DocId, number, User, ct);
        return outcome.Succeeded ? File(outcome.Value!.Content, outcome.Value.ContentType, outcome.Value.FileName) : NotFound();
    }

    public async Task<IActionResult> OnPostRevisionAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await documents.AddRevisionAsync(Id, DocId, ChangeNote, Upload, User, ct);
        return await AfterAsync(outcome.Kind, outcome.Field, outcome.Message, null, outcome.Succeeded ? $"{outcome.Value!.Label}を登録しました。" : "", ct);
    }

    public async Task<IActionResult> OnPostAskAsync(int number, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await approvals.AskAsync(Id, DocId, number, new ApprovalInput(DueOn), User, ct);
        return await AfterAsync(outcome.Kind, outcome.Field, outcome.Message, number, $"{RevisionLabels.Label(number)}の承認を依頼しました。", ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(int number, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await approvals.CloseAsync(Id, DocId, number, User, ct);
        return await AfterAsync(outcome.Kind, outcome.Field, outcome.Message, number, $"{RevisionLabels.Label(number)}の承認を締め切りました。", ct);
    }

    public async Task<IActionResult> OnPostVerdictAsync(int number, CancellationToken ct)
    {
        ModelState.Clear();
        bool? approved = Verdict switch { "approve" => true, "return" => false, _ => null };
        var outcome = await approvals.RecordVerdictAsync(Id, DocId, number, new VerdictInput(approved, Comment), User, ct);
        return await AfterAsync(outcome.Kind, outcome.Field, outcome.Message, number,
            $"{RevisionLabels.Label(number)}に「{(approved == true ? "承認" : "差戻し")}」を記録しました。", ct);
    }

    public async Task<IActionResult> OnPostCommentAsync(int number, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await approvals.CommentAsync(Id, DocId, number, new CommentInput(Body), User, ct);
        return await AfterAsync(outcome.Kind, outcome.Field, outcome.Message, number, $"{RevisionLabels.Label(number)}にコメントしました。", ct);
    }

    private async Task<IActionResult> AfterAsync(OutcomeKind kind, string? field, string? message, int? number, string done, CancellationToken ct)
    {
        if (kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = done;
            return Redirect(TenantUrl($"procurement/{Id}/documents/{DocId}"));
        }
        if (kind is OutcomeKind.Forbidden or OutcomeKind.NotFound) return Refused(kind);
        (Problem, ProblemField, ProblemNumber) = (message, field, number);
        return await LoadAsync(ct) ?? RefusedPage(kind);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var (workspace, seat) = await workspaces.SeatAsync(Id, User, ct);
        if (workspace is null) return NotFound();
        var found = await documents.GetAsync(Id, DocId, User, ct);
        if (!found.Succeeded) return NotFound();
        (Workspace, Seat, Document) = (workspace, seat, found.Value!);
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb(workspace.Title, TenantUrl($"procurement/{Id}")),
            new Breadcrumb("文書", TenantUrl($"procurement/{Id}/documents")), new Breadcrumb(Document.Title));
        return null;
    }
}
