using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Authoring;
using DxCollab.Surveys.Domain;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>One survey: what is asked, on what basis, by when (和暦, 開庁日 left), and the next steps for the reader —
/// the staff publish, follow up, close or copy; an officer answers, reads its answer or the 還元.</summary>
public sealed class DetailModel(SurveyAuthoring surveys) : TenantPageModel
{
    [FromRoute] public long Id { get; set; }

    public SurveyDetail Survey { get; private set; } = null!;
    public bool IsStaff { get; private set; }
    public RosterView? Roster { get; private set; }
    public IReadOnlyList<RepeatWarning> Repeats { get; private set; } = [];
    /// <summary>Running extensions and pending requests, shown beside 「締め切る」 (closing needs the box ticked).</summary>
    public IReadOnlyList<OpenExtension> OpenExtensions { get; private set; } = [];
    public string? Error { get; private set; }
    /// <summary>Why the closed survey cannot be reopened (an announced vote), shown instead of the reopen form.</summary>
    public string? ReopenRefusal { get; private set; }

    [BindProperty] public bool ConfirmClose { get; set; }
    [BindProperty] public string? ReopenReason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) =>
        ActAsync(() => surveys.PublishAsync(Id, User, ct), "公開しました。回答先の団体に通知しました。", ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        ActAsync(() => surveys.CloseAsync(Id, ConfirmClose, User, ct), "締め切りました。", ct);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) =>
        ActAsync(() => surveys.ReopenAsync(Id, ReopenReason, User, ct), "修正のため再開しました。回答を差し戻すと、その団体が直して再提出できます。", ct);

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var outcome = await surveys.DeleteAsync(Id, User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "作成中の照会を削除しました。";
            return Redirect(TenantUrl("surveys"));
        }
        return await RefusedAsync(outcome.Kind, outcome.Message, ct);
    }

    private async Task<IActionResult> ActAsync(Func<Task<Outcome<SurveyDetail>>> act, string notice, CancellationToken ct)
    {
        var outcome = await act();
        if (!outcome.Succeeded) return await RefusedAsync(outcome.Kind, outcome.Message, ct);
        TempData["Notice"] = notice;
        return Redirect(TenantUrl($"surveys/{Id}"));
    }

    private async Task<IActionResult> RefusedAsync(OutcomeKind kind, string? message, CancellationToken ct)
    {
        if (kind is OutcomeKind.NotFound or OutcomeKind.Forbidden) return ForbidOrNotFound(kind);
        if (!await LoadAsync(ct)) return NotFound();
        Error = message;
        return RefusedPage(kind);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var outcome = await surveys.GetAsync(Id, User, ct);
        if (!outcome.Succeeded) return false;
        Survey = outcome.Value!;
        IsStaff = User.MayAuthor();
        if (IsStaff)
        {
            Roster = (await surveys.GetRosterAsync(Id, User, ct)).Value;
            if (Survey.State != SurveyState.Closed) Repeats = (await surveys.RepeatsAsync(Id, User, ct)).Value ?? [];
            OpenExtensions = await surveys.OpenExtensionsAsync(Id, User, ct);
            if (Survey.State == SurveyState.Closed) ReopenRefusal = await surveys.ReopenRefusalAsync(Id, ct);
        }
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb(Survey.Title));
        return true;
    }
}
