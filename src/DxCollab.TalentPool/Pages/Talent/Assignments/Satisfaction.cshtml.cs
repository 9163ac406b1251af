using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.TalentPool.Activity;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent.Assignments;

/// <summary>Where the satisfaction partial posts: saves the answer and goes back to the request; a refused answer is shown
/// here with what was typed.</summary>
public sealed class SatisfactionModel(SatisfactionService satisfaction) : TenantPageModel
{
    [FromRoute(Name = "id")] public long RequestId { get; set; }
    [BindProperty] public int? Rating { get; set; }
    [BindProperty] public bool? WouldAskAgain { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public SatisfactionForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ModelState.Clear();
        var input = new SatisfactionInput(Rating, WouldAskAgain, Comment);
        var outcome = await satisfaction.AnswerAsync(RequestId, input, User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "満足度をお答えいただき、ありがとうございました。";
            return Redirect(TenantUrl($"talent/requests/{RequestId}"));
        }
        if (outcome.Kind is OutcomeKind.Forbidden or OutcomeKind.NotFound) return Refused(outcome.Kind);
        Form = Form with { Problem = outcome.Message, ProblemField = outcome.Field, Typed = input };
        return RefusedPage(outcome.Kind);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await satisfaction.FormAsync(RequestId, User, ct) is not { } form) return false;
        Form = form;
        SetBreadcrumbs(new Breadcrumb("人材プール", TenantUrl("talent")), new Breadcrumb("支援依頼", TenantUrl($"talent/requests/{RequestId}")),
            new Breadcrumb("満足度"));
        return true;
    }
}
