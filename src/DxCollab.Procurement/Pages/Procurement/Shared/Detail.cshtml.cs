using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Procurement.CrossTenant;
using DxCollab.Procurement.Domain;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement.Shared;

/// <summary>One of another prefecture's workspaces: the invitation to answer, or — for an active member — the workspace
/// as the lead's tenant shows it now (members, documents, download, verdicts) and leaving.</summary>
public sealed class DetailModel(SharedWorkspaceService shared) : TenantPageModel
{
    public SharedWorkspaceSummary? Summary { get; private set; }
    public SharedWorkspaceView? View { get; private set; }
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(long id, long revisionId, CancellationToken ct)
    {
        var outcome = await shared.DownloadAsync(id, revisionId, User, ct);
        if (outcome.Succeeded) return File(outcome.Value!.Content, outcome.Value.ContentType, outcome.Value.FileName);
        if (!await LoadAsync(id, ct)) return NotFound();
        Problem = outcome.Message;
        return RefusedPage(outcome.Kind);
    }

    public Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct) =>
        ActAsync(id, shared.AcceptAsync(id, User, ct), "参加しました。代表団体に伝わると、このページで内容を閲覧できます。", ct, askLead: false);

    public Task<IActionResult> OnPostDeclineAsync(long id, CancellationToken ct) => ActAsync(id, shared.DeclineAsync(id, User, ct), "招待を辞退しました。", ct);

    public Task<IActionResult> OnPostLeaveAsync(long id, CancellationToken ct) => ActAsync(id, shared.LeaveAsync(id, User, ct), "この共同調達から離脱しました。", ct);

    public async Task<IActionResult> OnPostVerdictAsync(long id, long revisionId, bool? approved, string? comment, CancellationToken ct)
    {
        var outcome = await shared.SendVerdictAsync(id, revisionId, new DxCollab.Procurement.Documents.VerdictInput(approved, comment), User, ct);
        if (!await LoadAsync(id, ct)) return NotFound();
        if (outcome.Succeeded) { Message = outcome.Value!.Message; return Page(); }
        Problem = outcome.Message;
        return RefusedPage(outcome.Kind);
    }

    private async Task<IActionResult> ActAsync<T>(long id, Task<Outcome<T>> action, string done, CancellationToken ct, bool askLead = true)
    {
        var outcome = await action;
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (!await LoadAsync(id, ct, askLead && outcome.Succeeded)) return NotFound();
        if (outcome.Succeeded) { Message = done; return Page(); }
        Problem = outcome.Message;
        return RefusedPage(outcome.Kind);
    }

    /// <summary>This tenant's record, and for an active member the lead's answer now; false when the user may not see it.</summary>
    private async Task<bool> LoadAsync(long id, CancellationToken ct, bool askLead = true)
    {
        Summary = await shared.FindAsync(id, User, ct);
        if (Summary is null) return false;
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb("他の都道府県との共同調達", TenantUrl("procurement/shared")),
            new Breadcrumb(Summary.Title));
        if (!askLead || Summary is not { State: MemberState.Active, MayAnswer: true }) return true;
        var outcome = await shared.GetAsync(id, User, ct);
        if (outcome.Succeeded) { View = outcome.Value; Summary = View!.Membership; return true; }
        Summary = await shared.FindAsync(id, User, ct) ?? Summary; // a refusal by the lead may have changed the state here
        Problem = outcome.Message;
        if (outcome.Kind == OutcomeKind.Unavailable) Response.StatusCode = 503;
        return true;
    }
}
