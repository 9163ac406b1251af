using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Polls;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement.Polls;

/// <summary>The workspace's 意向調査 (a candidate sees only those asking it) and, for the lead, the form to open one.</summary>
public sealed class IndexModel(PollService polls, WorkspaceService workspaces) : TenantPageModel
{
    public long WorkspaceId { get; private set; }
    public IReadOnlyList<PollView> Items { get; private set; } = [];
    public bool MayOpen { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }

    [BindProperty] public string? Question { get; set; } = "この共同調達に参加しますか。";
    [BindProperty] public string? Deadline { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var outcome = await polls.OpenAsync(id, new PollInput(Question, Deadline, null), User, ct);
        if (outcome.Succeeded) return Redirect(TenantUrl($"procurement/{id}/polls/{outcome.Value!.Id}"));
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        (Error, ErrorField) = (outcome.Message, outcome.Field);
        return RefusedPage(outcome.Kind);
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var list = await polls.ListAsync(id, User, ct);
        if (!list.Succeeded) return ForbidOrNotFound(list.Kind);
        WorkspaceId = id;
        Items = list.Value!;
        MayOpen = (await workspaces.SeatAsync(id, User, ct)).Seat.MayManage;
        var title = Items.FirstOrDefault()?.WorkspaceTitle ?? (await workspaces.GetAsync(id, User, ct)).Value?.Title ?? "共同調達";
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb(title, TenantUrl($"procurement/{id}")), new Breadcrumb("意向調査"));
        return null;
    }
}
