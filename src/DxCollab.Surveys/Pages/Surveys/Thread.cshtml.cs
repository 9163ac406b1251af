using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Threads;
using DxCollab.Platform.Web;
using DxCollab.Surveys.Authoring;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>One question about a survey and its answers, with their attachments: reply (files may be attached), close,
/// reopen. Another 団体's thread, or its files, are "not found".</summary>
[RequestSizeLimit(UploadPolicy.RequestCeiling)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.RequestCeiling)]
public sealed class ThreadModel(SurveyQuestions questions, FileStore files) : TenantPageModel
{
    [FromRoute] public long Id { get; set; }
    [FromRoute] public long ThreadId { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public List<IFormFile> Attachments { get; set; } = [];

    public ThreadView Thread { get; private set; } = null!;
    public bool IsPrefecture => User.IsPrefectureStaff();
    public string? Error { get; private set; }
    public UploadPolicy FileOptions => files.Policy(SurveyThreadSubject.UploadPurposeName);
    public string AttachmentUrl(long attachmentId) => TenantUrl($"surveys/{Id}/threads/{ThreadId}?handler=Attachment&attachmentId={attachmentId}");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken ct) =>
        await AfterAsync(await questions.ReplyAsync(Id, ThreadId, Body, Attachments, User, ct), IsPrefecture ? "回答しました。団体に通知しました。" : "返信しました。", ct);

    /// <summary>A file attached to the thread, as a download (never shown inline).</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(long attachmentId, CancellationToken ct)
    {
        var outcome = await questions.DownloadAttachmentAsync(Id, ThreadId, attachmentId, User, ct);
        return outcome.Succeeded ? File(outcome.Value!.Content, outcome.Value.ContentType, outcome.Value.FileName) : NotFound();
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        await AfterAsync(await questions.SetClosedAsync(Id, ThreadId, close: true, User, ct), "終了しました。", ct);

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct) =>
        await AfterAsync(await questions.SetClosedAsync(Id, ThreadId, close: false, User, ct), "再開しました。", ct);

    private async Task<IActionResult> AfterAsync(Outcome<ThreadView> outcome, string notice, CancellationToken ct)
    {
        if (outcome.Succeeded)
        {
            TempData["Notice"] = notice;
            return Redirect(TenantUrl($"surveys/{Id}/threads/{ThreadId}"));
        }
        if (outcome.Kind == OutcomeKind.NotFound || !await LoadAsync(ct)) return NotFound();
        Error = outcome.Message;
        return RefusedPage(outcome.Kind);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var outcome = await questions.GetAsync(Id, ThreadId, User, ct);
        if (!outcome.Succeeded) return false;
        Thread = outcome.Value!;
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb("照会への質問", TenantUrl($"surveys/{Id}/threads")),
            new Breadcrumb(Thread.Thread.Title));
        return true;
    }
}
