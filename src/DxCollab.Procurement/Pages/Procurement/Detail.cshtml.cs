using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Domain;
using DxCollab.Procurement.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement;

/// <summary>The workspace home: summary, the phase as a stepper, members (and 過去の参加団体), milestones, the 協定 record and
/// links to the other tabs. The lead moves the phase and plans milestones here; the lead or the owner marks one done.</summary>
public sealed class DetailModel(WorkspaceService workspaces, PhaseService phases, MilestoneService milestones, AgreementService agreements)
    : TenantPageModel
{
    public WorkspaceView Workspace { get; private set; } = null!;
    public IReadOnlyList<MilestoneView> Milestones { get; private set; } = [];
    public IReadOnlyList<PhaseChangeView> PhaseTrail { get; private set; } = [];
    public AgreementView? Agreement { get; private set; }
    public string? Message { get; private set; }
    public bool MayManage => Workspace.MySeat == Access.Seat.Lead;

    [BindProperty] public MilestoneInput NewMilestone { get; set; } = new(null, null, null);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) is { } refused ? refused : Page();

    public Task<IActionResult> OnPostPhaseAsync(long id, ProcurementPhase? phase, string? note, CancellationToken ct) =>
        ActAsync(id, async () => Result(await phases.MoveAsync(id, new PhaseInput(phase, note), User, ct)), ct);

    public Task<IActionResult> OnPostMilestoneAsync(long id, CancellationToken ct) =>
        ActAsync(id, async () => Result(await milestones.AddAsync(id, NewMilestone, User, ct)), ct);

    public Task<IActionResult> OnPostDoneAsync(long id, long milestoneId, bool done, CancellationToken ct) =>
        ActAsync(id, async () => Result(await milestones.MarkAsync(id, milestoneId, done, User, ct)), ct);

    private static (OutcomeKind Kind, string? Message) Result<T>(Outcome<T> outcome) => (outcome.Kind, outcome.Message);

    private async Task<IActionResult> ActAsync(long id, Func<Task<(OutcomeKind Kind, string? Message)>> act, CancellationToken ct)
    {
        var (kind, message) = await act();
        if (kind == OutcomeKind.Ok) return Redirect(TenantUrl($"procurement/{id}"));
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Message = message;
        return kind == OutcomeKind.Forbidden ? Forbid() : RefusedPage(kind);
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var outcome = await workspaces.GetAsync(id, User, ct);
        if (!outcome.Succeeded) return ForbidOrNotFound(outcome.Kind);
        Workspace = outcome.Value!;
        Milestones = (await milestones.ListAsync(id, User, ct)).Value ?? [];
        PhaseTrail = (await phases.HistoryAsync(id, User, ct)).Value ?? [];
        Agreement = (await agreements.GetAsync(id, User, ct)).Value;
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb(Workspace.Title));
        return null;
    }
}
