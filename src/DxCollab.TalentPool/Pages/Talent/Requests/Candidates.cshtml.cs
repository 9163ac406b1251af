using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Matching;
using DxCollab.TalentPool.Requests;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent.Requests;

/// <summary>候補者: the ranked candidates of a request with their reasons, the experts already assigned (取消), and an
/// assign form per candidate (hours per month, months, mode). Plain forms: works without JavaScript.</summary>
public sealed class CandidatesModel(CandidateService candidates, AssignmentService assignments, RequestService requests) : TenantPageModel
{
    [FromRoute(Name = "id")] public long RequestId { get; set; }
    [BindProperty] public long ExpertId { get; set; }
    [BindProperty] public string? StartMonth { get; set; }
    [BindProperty] public string? EndMonth { get; set; }
    [BindProperty] public int HoursPerMonth { get; set; }
    [BindProperty] public SupportMode? Mode { get; set; }
    [BindProperty] public long AssignmentId { get; set; }

    public RequestView Subject { get; private set; } = null!;
    public CandidateList List { get; private set; } = null!;
    public IReadOnlyList<AssignmentView> Assigned { get; private set; } = [];
    public string? Problem { get; private set; }
    public string? ProblemField { get; private set; }
    /// <summary>The candidate whose form the problem belongs to (its inputs are kept).</summary>
    public long? ProblemExpertId { get; private set; }
    public string PagePath => TenantUrl($"talent/requests/{RequestId}/candidates");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) is { } refused ? refused : Page();

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        ModelState.Clear();
        var outcome = await assignments.AssignAsync(new AssignmentInput(RequestId, ExpertId, StartMonth, EndMonth, HoursPerMonth, Mode), User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = $"{outcome.Value!.ExpertName} さんを割り当てました（{outcome.Value.StartMonth}〜{outcome.Value.EndMonth}、月 {outcome.Value.HoursPerMonth} 時間）。";
            // Not told (no account): said plainly, with the way to the invitation on the expert's page.
            if (outcome.Value.Warning is { } warning) (TempData["NotNotified"], TempData["InviteExpertId"]) = (warning, outcome.Value.ExpertId.ToString());
            return Redirect(PagePath);
        }
        (Problem, ProblemField, ProblemExpertId) = (outcome.Message, outcome.Field, ExpertId);
        return Refused(outcome.Kind);
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        var outcome = await assignments.CancelAsync(AssignmentId, User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = $"{outcome.Value!.ExpertName} さんの割当を取り消しました。";
            return Redirect(PagePath);
        }
        Problem = outcome.Message;
        return Refused(outcome.Kind);
    }

    /// <summary>Null when loaded; else the refusal to answer (403 for anyone but the staff, 404 for an unknown request).</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var ranked = await candidates.RankAsync(RequestId, User, ct);
        if (!ranked.Succeeded) return ForbidOrNotFound(ranked.Kind);
        var request = await requests.GetAsync(RequestId, User, ct);
        if (!request.Succeeded) return ForbidOrNotFound(request.Kind);
        (List, Subject) = (ranked.Value!, request.Value!);
        Assigned = await assignments.ListAsync(new AssignmentFilter(RequestId), User, ct);
        SetBreadcrumbs(new Breadcrumb("人材プール", TenantUrl("talent")), new Breadcrumb("支援依頼", TenantUrl("talent/requests")),
            new Breadcrumb(Subject.Title, TenantUrl($"talent/requests/{RequestId}")), new Breadcrumb("候補者と割当"));
        return null;
    }

    /// <summary>What the user typed into the refused form; the hours as sent, since a figure that is not a whole number
    /// does not bind to the int and would come back as 0.</summary>
    public string FieldValue(long expertId, string field, string fallback) => ProblemExpertId == expertId
        ? field switch { "start" => StartMonth ?? "", "end" => EndMonth ?? "", "hours" => HoursTyped, _ => fallback }
        : fallback;

    private string HoursTyped => Request.HasFormContentType ? Request.Form["HoursPerMonth"].ToString() : HoursPerMonth.ToString();
}
