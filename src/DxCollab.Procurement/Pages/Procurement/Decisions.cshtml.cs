using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Access;
using DxCollab.Procurement.Documents;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement;

/// <summary>The decisions register of a workspace (日付 with 和暦, 決定事項, 根拠となる版, 出席団体), its xlsx export, and the
/// lead's form to record one.</summary>
public sealed class DecisionsModel(WorkspaceService workspaces, DocumentService documents, DecisionService decisions) : TenantPageModel
{
    [FromRoute] public long Id { get; set; }
    [BindProperty] public DateOnly? DecidedOn { get; set; }
    [BindProperty] public string? Matter { get; set; }
    [BindProperty] public long? BasisRevisionId { get; set; }
    [BindProperty] public List<string> AttendeeCodes { get; set; } = [];

    public WorkspaceView Workspace { get; private set; } = null!;
    public IReadOnlyList<DecisionView> Items { get; private set; } = [];
    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];
    public bool MayRecord => Workspace.MySeat == Seat.Lead;
    public string? Problem { get; private set; }
    public string? ProblemField { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var outcome = await decisions.ExportAsync(Id, User, ct);
        return outcome.Succeeded ? File(outcome.Value.Content, Platform.Exports.TabularExport.XlsxContentType, outcome.Value.FileName) : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await decisions.RecordAsync(Id, new DecisionInput(DecidedOn, Matter, BasisRevisionId, AttendeeCodes), User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "決定事項を記録しました。";
            return Redirect(TenantUrl($"procurement/{Id}/decisions"));
        }
        if (outcome.Kind is OutcomeKind.Forbidden or OutcomeKind.NotFound) return Refused(outcome.Kind);
        (Problem, ProblemField) = (outcome.Message, outcome.Field);
        return await LoadAsync(ct) ?? RefusedPage(outcome.Kind);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var workspace = await workspaces.GetAsync(Id, User, ct);
        if (!workspace.Succeeded) return NotFound();
        Workspace = workspace.Value!;
        Items = (await decisions.ListAsync(Id, User, ct)).Value!;
        Documents = (await documents.ListAsync(Id, User, ct)).Value!.Documents;
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb(Workspace.Title, TenantUrl($"procurement/{Id}")), new Breadcrumb("決定事項"));
        return null;
    }
}
