using DxCollab.Platform.Files;
using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Activity;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Matching;
using DxCollab.TalentPool.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent.Assignments;

/// <summary>An assignment: its activity log with the roll-up and a form, its reports with forms, and completing it. The
/// assigned expert and the staff write; the supported 団体's officers read.</summary>
[RequestSizeLimit(UploadPolicy.RequestCeiling)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.RequestCeiling)]
public sealed class DetailModel(AssignmentService assignments, RequestService requests, ActivityLogService log, SupportReportService reports)
    : TenantPageModel
{
    [FromRoute(Name = "id")] public long AssignmentId { get; set; }

    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public decimal? Hours { get; set; }
    [BindProperty] public SupportMode? Mode { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Body { get; set; }
    /// <summary>Files chosen in a report's form: stored with the report in the same submit.</summary>
    [BindProperty] public List<IFormFile> Uploads { get; set; } = [];

    public AssignmentView Assignment { get; private set; } = null!;
    public RequestView? SupportRequest { get; private set; }
    public ActivityLogView Log { get; private set; } = null!;
    public IReadOnlyList<ReportView> Reports { get; private set; } = [];
    public bool MayLog { get; private set; }
    public bool IsStaff => User.MayManagePool();
    public string? Problem { get; private set; }
    public string? ProblemField { get; private set; }
    /// <summary>The report whose form the problem belongs to (null: the activity form).</summary>
    public long? ProblemReportId { get; private set; }
    public UploadPolicy UploadPolicy => reports.UploadPolicy;
    public string PagePath => TenantUrl($"talent/assignments/{AssignmentId}");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) is { } refused ? refused : Page();

    public async Task<IActionResult> OnPostLogAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await log.LogAsync(AssignmentId, new ActivityInput(Date, Hours, Mode, Summary), User, ct);
        return await AfterAsync(outcome.Kind, outcome.Field, outcome.Message, null, "活動を記録しました。", ct);
    }

    public async Task<IActionResult> OnPostReportAsync(long reportId, bool submit, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await reports.SaveAsync(AssignmentId, reportId, new ReportInput(Body, null, submit), User, ct, Uploads);
        return await AfterAsync(outcome.Kind, outcome.Field, outcome.Message, reportId, submit ? "報告を提出しました。" : "報告を下書き保存しました。", ct);
    }

    public async Task<IActionResult> OnGetFileAsync(long reportId, long fileId, CancellationToken ct)
    {
        var outcome = await reports.DownloadAsync(AssignmentId, reportId, fileId, User, ct);
        return outcome.Succeeded ? File(outcome.Value!.Content, outcome.Value.ContentType, outcome.Value.FileName) : NotFound();
    }

    public async Task<IActionResult> OnPostCompleteAsync(CancellationToken ct)
    {
        var outcome = await reports.CompleteAsync(AssignmentId, User, ct);
        return await AfterAsync(outcome.Kind, outcome.Field, outcome.Message, null, "支援を終了しました。終了時の報告を書いてください。", ct);
    }

    private async Task<IActionResult> AfterAsync(OutcomeKind kind, string? field, string? message, long? reportId, string done, CancellationToken ct)
    {
        if (kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = done;
            return Redirect(PagePath);
        }
        if (kind is OutcomeKind.Forbidden or OutcomeKind.NotFound) return kind == OutcomeKind.Forbidden ? Forbid() : NotFound();
        (Problem, ProblemField, ProblemReportId) = (message, field, reportId);
        return await LoadAsync(ct) ?? RefusedPage(kind);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var found = await assignments.GetAsync(AssignmentId, User, ct);
        if (!found.Succeeded) return NotFound();
        Assignment = found.Value!;
        var request = await requests.GetAsync(Assignment.RequestId, User, ct);
        SupportRequest = request.Succeeded ? request.Value : null;
        Log = (await log.GetAsync(AssignmentId, User, ct)).Value!;
        Reports = (await reports.ListAsync(AssignmentId, User, ct)).Value!;
        MayLog = await log.MayLogAsync(AssignmentId, User, ct);
        SetBreadcrumbs(new Breadcrumb("人材プール", TenantUrl("talent")),
            User.IsExpert() ? new Breadcrumb("担当の支援", TenantUrl("talent/my")) : new Breadcrumb("支援依頼", TenantUrl("talent/requests")),
            new Breadcrumb($"割当（{Assignment.ExpertName}）"));
        return null;
    }
}
