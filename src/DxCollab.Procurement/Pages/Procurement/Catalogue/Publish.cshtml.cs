using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Catalogue;
using DxCollab.Procurement.Documents;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement.Catalogue;

/// <summary>A workspace's case: the lead body publishes it to the national catalogue once the procurement is finished, and
/// answers requests for its specification.</summary>
public sealed class PublishModel(WorkspaceService workspaces, CatalogueService catalogue, SpecificationService specifications, DocumentService documents)
    : TenantPageModel
{
    [BindProperty] public string? Process { get; set; }
    [BindProperty] public bool? SpecificationShareable { get; set; }
    [BindProperty] public long? SpecificationDocumentId { get; set; }
    [BindProperty] public long? TotalPopulation { get; set; }
    [BindProperty] public long? InitialCost { get; set; }
    [BindProperty] public long? AnnualCost { get; set; }
    [BindProperty] public string? Note { get; set; }

    public long Id { get; private set; }
    public WorkspaceView Workspace { get; private set; } = null!;
    public CasePublicationView? Publication { get; private set; }
    public IReadOnlyList<SpecificationRequestView> Requests { get; private set; } = [];
    /// <summary>The workspace's documents the lead may name as the specification (仕様書 folder first).</summary>
    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];
    public bool MayManage => Workspace.MySeat == Access.Seat.Lead;
    public bool Finished => Workspace.Phase == Domain.ProcurementPhase.Operation || Workspace.FinishedAt is not null;
    public string? ErrorField { get; private set; }
    public string? Error { get; private set; }

    public string? Invalid(string field) => ErrorField == field ? "true" : null;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct) =>
        await AfterAsync(id, await catalogue.PublishAsync(id, new CasePublishInput(Process, SpecificationShareable, TotalPopulation, InitialCost, AnnualCost,
            SpecificationDocumentId), User, ct),
            "事例を事例カタログに公開しました。反映まで少し時間がかかることがあります。", ct);

    public async Task<IActionResult> OnPostDecideAsync(long id, long requestId, bool approve, CancellationToken ct) =>
        await AfterAsync(id, await specifications.DecideAsync(id, requestId, new SpecificationDecisionInput(approve, Note), User, ct),
            approve ? "仕様書の提供を認めました。" : "仕様書の提供を断りました。", ct);

    private async Task<IActionResult> AfterAsync<T>(long id, Outcome<T> outcome, string notice, CancellationToken ct)
    {
        if (outcome.Succeeded)
        {
            TempData["Notice"] = notice;
            return Redirect(TenantUrl($"procurement/{id}/case"));
        }
        if (outcome.Kind is OutcomeKind.Forbidden or OutcomeKind.NotFound) return Refused(outcome.Kind);
        (ErrorField, Error) = (outcome.Field, outcome.Message);
        return await LoadAsync(id, ct) ?? RefusedPage(outcome.Kind);
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        Id = id;
        var outcome = await workspaces.GetAsync(id, User, ct);
        if (!outcome.Succeeded) return ForbidOrNotFound(outcome.Kind);
        Workspace = outcome.Value!;
        Publication = await catalogue.PublicationAsync(id, ct);
        Requests = (await specifications.RequestsAsync(id, User, ct)).Value ?? [];
        if (MayManage && Publication is null)
            Documents = [.. ((await documents.ListAsync(id, User, ct)).Value?.Documents ?? []).OrderBy(d => d.FolderName == "仕様書" ? 0 : 1)];
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb(Workspace.Title, TenantUrl($"procurement/{id}")),
            new Breadcrumb("事例の公開"));
        return null;
    }
}
