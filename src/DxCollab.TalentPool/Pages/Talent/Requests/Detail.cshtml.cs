using DxCollab.Platform.Files;
using DxCollab.Platform.Results;
using DxCollab.Platform.Threads;
using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Requests;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent.Requests;

/// <summary>One request: its answers, documents, assigned experts and state; the staff take it up (調整中), classify a
/// 「相談したい」 and go to the candidates; the 団体 withdraws it; both sides talk in its conversation.</summary>
public sealed class DetailModel(RequestService requests, RequestMoves moves, ThreadService threads, RequestConversation conversation,
    Activity.SatisfactionService satisfaction) : TenantPageModel
{
    [FromRoute(Name = "id")] public long Id { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? ThemeKey { get; set; }
    [BindProperty] public string? Body { get; set; }

    public RequestView Item { get; private set; } = null!;
    public RequestDetails Details => Item.Details!;
    public ThreadView? Thread { get; private set; }
    /// <summary>No conversation yet, and the reader (staff or the 団体's officer) may start one on this request.</summary>
    public bool MayAsk => Thread is null && Details.ThreadId is null && Item.State != Domain.RequestState.Withdrawn
                          && RequestConversation.MayOpen(User, Item.OrganizationCode);
    public bool MayManage => User.MayManagePool();
    /// <summary>The satisfaction form of a completed request for its 団体's officer (null: not shown).</summary>
    public Activity.SatisfactionForm? Satisfaction { get; private set; }
    public string? Problem { get; private set; }
    public string? ProblemField { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetFileAsync(long fileId, CancellationToken ct)
    {
        var outcome = await requests.DownloadAsync(Id, fileId, User, ct);
        return outcome.Succeeded ? File(outcome.Value!.Content, outcome.Value.ContentType, outcome.Value.FileName) : NotFound();
    }

    public Task<IActionResult> OnPostCoordinatingAsync(CancellationToken ct) =>
        MoveAsync(moves.MarkCoordinatingAsync(Id, new RequestChange(Version), User, ct), "調整中にしました。団体にお知らせしました。", ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) =>
        MoveAsync(moves.WithdrawAsync(Id, new RequestChange(Version, Reason), User, ct), "依頼を取り下げました。", ct);

    public Task<IActionResult> OnPostClassifyAsync(CancellationToken ct) =>
        MoveAsync(moves.ClassifyAsync(Id, new RequestChange(Version, ThemeKey: ThemeKey), User, ct), "テーマを決めました。団体にお知らせしました。", ct);

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ModelState.Clear();
        if (Details.ThreadId is not { } threadId) return NotFound();
        var outcome = await threads.ReplyAsync(RequestThreadSubject.Type, threadId, Body, [], User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "書き込みました。相手にお知らせしました。";
            return Redirect(TenantUrl($"talent/requests/{Id}#conversation"));
        }
        (Problem, ProblemField) = (outcome.Message, outcome.Field ?? "body");
        return RefusedPage(outcome.Kind);
    }

    public async Task<IActionResult> OnPostAskAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await conversation.OpenAsync(Id, Body, User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "書き込みました。相手にお知らせしました。";
            return Redirect(TenantUrl($"talent/requests/{Id}#conversation"));
        }
        if (outcome.Kind == OutcomeKind.NotFound || !await LoadAsync(ct)) return NotFound();
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        (Problem, ProblemField) = (outcome.Message, outcome.Field ?? "body");
        return RefusedPage(outcome.Kind);
    }

    private async Task<IActionResult> MoveAsync(Task<Outcome<RequestView>> move, string done, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await move;
        if (outcome.Succeeded)
        {
            TempData["Notice"] = done;
            return Redirect(TenantUrl($"talent/requests/{Id}"));
        }
        if (outcome.Kind == OutcomeKind.NotFound || !await LoadAsync(ct)) return NotFound();
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        (Problem, ProblemField) = (outcome.Message, outcome.Field);
        return RefusedPage(outcome.Kind);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var outcome = await requests.GetAsync(Id, User, ct);
        if (!outcome.Succeeded) return false;
        Item = outcome.Value!;
        if (Details.ThreadId is { } threadId && await threads.GetAsync(RequestThreadSubject.Type, threadId, User, ct) is { Succeeded: true } thread)
            Thread = thread.Value;
        Satisfaction = await satisfaction.FormAsync(Id, User, ct);
        SetBreadcrumbs(new Breadcrumb("人材プール", TenantUrl("talent")), new Breadcrumb("支援依頼", TenantUrl("talent/requests")),
            new Breadcrumb(Item.Title));
        return true;
    }
}
