using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Threads;
using DxCollab.Platform.Web;
using DxCollab.Standardization.Files;
using DxCollab.Standardization.Inquiries;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Standardization.Pages.Migration;

/// <summary>One 課題・質問 thread: its entries with attachments, a reply form (the prefecture's reply marks it 回答済み),
/// and 終了 / 再開. Another 団体's thread is "not found".</summary>
[RequestSizeLimit(UploadPolicy.RequestCeiling)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.RequestCeiling)]
public sealed class InquiryModel(InquiryService inquiries, FileStore files) : TenantPageModel
{
    [FromRoute(Name = "id")] public long Id { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public List<IFormFile> Attachments { get; set; } = [];

    public InquiryThread Thread { get; private set; } = null!;
    public bool IsPrefecture { get; private set; }
    public UploadPolicy FileOptions => files.Policy(MigrationUploads.Files);
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken ct)
    {
        var outcome = await inquiries.ReplyAsync(Id, Body, Attachments, User, ct);
        return await AfterAsync(outcome, IsPrefectureUser ? "回答を送りました。団体の担当者に通知しました。" : "返信を送りました。都道府県の担当者に通知しました。", ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        await AfterAsync(await inquiries.SetClosedAsync(Id, close: true, Comment, User, ct), "この課題・質問を終了しました。", ct);

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct) =>
        await AfterAsync(await inquiries.SetClosedAsync(Id, close: false, Comment, User, ct), "この課題・質問を再開しました（回答待ちに戻りました）。", ct);

    private bool IsPrefectureUser => User.IsPrefectureStaff();

    private async Task<IActionResult> AfterAsync(Outcome<InquiryThread> outcome, string notice, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.Succeeded)
        {
            TempData["Notice"] = notice;
            return Redirect(TenantUrl($"migration/inquiries/{Id}"));
        }
        Error = outcome.Message;
        return await LoadAsync(ct) ? RefusedPage(outcome.Kind) : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var outcome = await inquiries.GetAsync(Id, User, ct);
        if (!outcome.Succeeded) return false;
        Thread = outcome.Value!;
        IsPrefecture = IsPrefectureUser;
        SetBreadcrumbs(new Breadcrumb("課題・質問", TenantUrl("migration/inquiries")), new Breadcrumb(Thread.Inquiry.Title));
        return true;
    }

    public string AuthorLine(ThreadEntryView entry) => (entry.FromPrefecture ? "都道府県" : Thread.Inquiry.OrganizationName) + "・" + (entry.AuthorName ?? "");
}
