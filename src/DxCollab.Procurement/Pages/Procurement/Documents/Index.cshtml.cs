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

/// <summary>A workspace's documents by folder, with their labels in words, and the upload of a new document (第1版).</summary>
[RequestSizeLimit(UploadPolicy.RequestCeiling)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.RequestCeiling)]
public sealed class IndexModel(WorkspaceService workspaces, DocumentService documents) : TenantPageModel
{
    [FromRoute] public long Id { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Confidentiality { get; set; }
    [BindProperty] public long? FolderId { get; set; }
    [BindProperty] public string? ChangeNote { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? FolderName { get; set; }

    public Workspace Workspace { get; private set; } = null!;
    public WorkspaceSeat Seat { get; private set; } = WorkspaceSeat.None;
    public DocumentList List { get; private set; } = new([], []);
    public UploadPolicy Policy => documents.UploadPolicy;
    public string? Problem { get; private set; }
    public string? ProblemField { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await documents.CreateAsync(Id, Title, FolderId, Confidentiality, ChangeNote, Upload, User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = $"「{outcome.Value!.Title}」の第1版を登録しました。";
            return Redirect(TenantUrl($"procurement/{Id}/documents/{outcome.Value.Id}"));
        }
        return await RefusedAsync(outcome.Kind, outcome.Field, outcome.Message, ct);
    }

    public async Task<IActionResult> OnPostFolderAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await documents.CreateFolderAsync(Id, new FolderInput(FolderName, null), User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = $"フォルダ「{outcome.Value!.Name}」を作りました。";
            return Redirect(TenantUrl($"procurement/{Id}/documents"));
        }
        return await RefusedAsync(outcome.Kind, outcome.Field == "name" ? "folderName" : outcome.Field, outcome.Message, ct);
    }

    private async Task<IActionResult> RefusedAsync(OutcomeKind kind, string? field, string? message, CancellationToken ct)
    {
        if (kind is OutcomeKind.Forbidden or OutcomeKind.NotFound) return Refused(kind);
        (Problem, ProblemField) = (message, field);
        return await LoadAsync(ct) ?? RefusedPage(kind);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var (workspace, seat) = await workspaces.SeatAsync(Id, User, ct);
        if (workspace is null) return NotFound();
        (Workspace, Seat) = (workspace, seat);
        List = (await documents.ListAsync(Id, User, ct)).Value!;
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb(workspace.Title, TenantUrl($"procurement/{Id}")), new Breadcrumb("文書"));
        return null;
    }
}
