using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Forms;
using DxCollab.Surveys.Relay;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>全国照会 received by the prefecture: relay each to the municipalities (with optional questions of its own,
/// which never go to the national side), follow the answers, declare 確報.</summary>
[Authorize(Policy = Policies.PrefectureStaff)]
public sealed class NationalModel(NationalRelayService relay) : TenantPageModel
{
    public IReadOnlyList<ReceivedNationalView> Received { get; private set; } = [];
    [BindProperty] public Guid NationalId { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public string? OwnTitle { get; set; }
    [BindProperty] public string? OwnQuestions { get; set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRelayAsync(CancellationToken ct)
    {
        var questions = SimpleQuestionLines.Parse(OwnQuestions, "own");
        List<FormSection> own = questions.Count == 0 ? [] :
            [new FormSection { Key = "own", Title = string.IsNullOrWhiteSpace(OwnTitle) ? $"{Tenant.Name}独自の設問" : OwnTitle.Trim(), Questions = questions }];
        var outcome = await relay.RelayAsync(NationalId, new RelayInput(Deadline, null, null, own), User.ActorLabel(), ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = $"「{outcome.Value!.Title}」を管内の市区町村へ中継しました。";
            return RedirectToPage(new { tenant = Tenant.Identifier });
        }
        return await RefusedAsync(outcome.Kind, outcome.Message, ct);
    }

    public async Task<IActionResult> OnPostFinalAsync(CancellationToken ct)
    {
        var outcome = await relay.FinalizeAsync(NationalId, User.ActorLabel(), ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = $"「{outcome.Value!.Title}」の数値を確報として国へ伝えました。";
            return RedirectToPage(new { tenant = Tenant.Identifier });
        }
        return await RefusedAsync(outcome.Kind, outcome.Message, ct);
    }

    private async Task<IActionResult> RefusedAsync(OutcomeKind kind, string? message, CancellationToken ct)
    {
        Error = message;
        await LoadAsync(ct);
        return RefusedPage(kind);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Received = await relay.ListAsync(ct);
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb("全国照会"));
    }
}
