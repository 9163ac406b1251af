using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Polls;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement.Polls;

/// <summary>One 意向調査: the answer form for an asked 団体; results (counts as a bar chart with its table, who answered
/// what, 未回答) for members and the prefecture's staff; the close button for the lead.</summary>
public sealed class DetailModel(PollService polls) : TenantPageModel
{
    public PollView Poll { get; private set; } = null!;
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }

    [BindProperty] public IntentChoice? Choice { get; set; }
    [BindProperty] public string? Conditions { get; set; }

    public BarChart? Chart => Poll.Results is { } r
        ? new BarChart("poll-chart", "回答の内訳（団体数）", [("参加", r.Join), ("条件付き参加", r.Conditional), ("不参加", r.Decline), ("未回答", r.Unanswered)], "団体")
        : null;

    public async Task<IActionResult> OnGetAsync(long id, long pollId, CancellationToken ct)
    {
        var outcome = await polls.GetAsync(id, pollId, User, ct);
        if (!outcome.Succeeded) return ForbidOrNotFound(outcome.Kind);
        Show(outcome.Value!);
        Choice = Poll.MyAnswer?.Choice;
        Conditions = Poll.MyAnswer?.Conditions;
        return Page();
    }

    public Task<IActionResult> OnPostAnswerAsync(long id, long pollId, CancellationToken ct) =>
        ActAsync(id, pollId, () => polls.AnswerAsync(id, pollId, new AnswerInput(Choice, Conditions), User, ct), ct);

    public Task<IActionResult> OnPostCloseAsync(long id, long pollId, CancellationToken ct) =>
        ActAsync(id, pollId, () => polls.CloseAsync(id, pollId, User, ct), ct);

    private async Task<IActionResult> ActAsync(long id, long pollId, Func<Task<Outcome<PollView>>> act, CancellationToken ct)
    {
        var outcome = await act();
        if (outcome.Succeeded) return Redirect(TenantUrl($"procurement/{id}/polls/{pollId}"));
        var current = await polls.GetAsync(id, pollId, User, ct);
        if (!current.Succeeded) return ForbidOrNotFound(current.Kind);
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        Show(current.Value!);
        (Error, ErrorField) = (outcome.Message, outcome.Field);
        return RefusedPage(outcome.Kind);
    }

    private void Show(PollView poll)
    {
        Poll = poll;
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb(poll.WorkspaceTitle, TenantUrl($"procurement/{poll.WorkspaceId}")),
            new Breadcrumb("意向調査", TenantUrl($"procurement/{poll.WorkspaceId}/polls")), new Breadcrumb(poll.IsOpen ? "実施中" : "締切済み"));
    }
}
