using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Visibility;
using DxCollab.Platform.Web;
using DxCollab.Standardization.Evidence;
using DxCollab.Standardization.Files;
using DxCollab.Standardization.Inquiries;
using DxCollab.Standardization.Tracking;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Standardization.Pages.Migration;

/// <summary>One step of one 団体 × 業務: what the step is, its status form, its whole history (status changes and 証跡
/// uploads/deletions), its 証跡 (upload works without JavaScript: a plain multipart form) and the inquiries about it.
/// Every member of the tenant reads the status and what changed when; the note, who changed it (a peer reads
/// 「○○市の担当者」), 証跡 and inquiries only the 団体's officers and the prefecture's staff (docs/visibility.md).</summary>
[RequestSizeLimit(UploadPolicy.RequestCeiling)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.RequestCeiling)]
public sealed class StepModel(OrganizationDirectory directory, StepTracker tracker, EvidenceService evidence, InquiryService inquiries,
    FileStore files, ActorNames actors) : TenantPageModel
{
    public sealed class StatusInput
    {
        public StepStatus Status { get; set; }
        public DateOnly? PlannedDate { get; set; }
        public DateOnly? ActualDate { get; set; }
        public string? Note { get; set; }
    }

    public sealed record HistoryEntry(DateTime AtTokyo, string? By, string What, string Source);

    [FromRoute(Name = "orgCode")] public string OrgCode { get; set; } = "";
    [FromRoute(Name = "business")] public string BusinessText { get; set; } = "";
    [FromRoute(Name = "stepNo")] public string StepText { get; set; } = "";
    [BindProperty] public StatusInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Description { get; set; }

    public OrganizationView Organization { get; private set; } = null!;
    public StandardBusiness Business { get; private set; } = null!;
    public MigrationStepDefinition Step { get; private set; } = null!;
    public StepProgress? Current { get; private set; }
    /// <summary>The note as the viewer may see it (「非公開」 for a peer).</summary>
    public string? Note { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanSeePrivate { get; private set; }
    public bool CanAsk { get; private set; }
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public IReadOnlyList<EvidenceItem> Evidence { get; private set; } = [];
    public IReadOnlyList<InquirySummary> Inquiries { get; private set; } = [];
    public string? UploadError { get; private set; }
    public UploadPolicy FileOptions => files.Policy(MigrationUploads.Files);

    public string PagePath => TenantUrl($"migration/{OrgCode}/{Business.Number}/steps/{Step.Number}");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = new StatusInput { Status = Current?.Status ?? StepStatus.NotStarted, PlannedDate = Current?.PlannedDate, ActualDate = Current?.ActualDate, Note = Current?.Note };
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!CanEdit) return Forbid();
        if (!Enum.IsDefined(Input.Status)) ModelState.AddModelError("Input.Status", "状況を選んでください。");
        if (ModelState.IsValid)
        {
            var note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
            var result = await tracker.UpdateAsync(OrgCode, [Business.Number], [Step.Number], new StepUpdate(Input.Status, Input.PlannedDate, Input.ActualDate, note, ReplaceDetails: true),
                User.ActorLabel(), "screen", ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = result.Changed == 0 ? "変更はありませんでした。" : $"{Step.StepId} の状況を「{Input.Status.JapaneseName()}」にしました。";
                return Redirect(PagePath);
            }
            foreach (var message in result.Errors.Values.SelectMany(m => m)) ModelState.AddModelError("Input", message);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!CanEdit) return Forbid();
        ModelState.Clear();
        var outcome = await evidence.UploadAsync(OrgCode, Business.Number, Step.Number, Upload, Description, User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = $"証跡「{outcome.Value!.FileName}」を登録しました。";
            return Redirect(PagePath + "#evidence-heading");
        }
        UploadError = outcome.Message;
        ResetInput();
        return RefusedPage(outcome.Kind);
    }

    public async Task<IActionResult> OnPostDeleteAsync(long evidenceId, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var outcome = await evidence.DeleteAsync(evidenceId, User, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        TempData["Notice"] = $"証跡「{outcome.Value!.FileName}」を削除しました。";
        return Redirect(PagePath + "#evidence-heading");
    }

    private void ResetInput() =>
        Input = new StatusInput { Status = Current?.Status ?? StepStatus.NotStarted, PlannedDate = Current?.PlannedDate, ActualDate = Current?.ActualDate, Note = Current?.Note };

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var org = await directory.FindAsync(OrgCode, ct);
        var business = MigrationCatalog.FindBusiness(BusinessText);
        var step = MigrationCatalog.FindStep(StepText);
        if (org is null || org.AbolishedOn is not null || business is null || step is null || !MigrationCatalog.BusinessesOf(org.Type).Contains(business.Number))
            return false;
        (Organization, Business, Step) = (org, business, step);
        CanEdit = MigrationAccess.CanEdit(User, OrgCode);
        CanSeePrivate = OwnRecordsAccess.CanRead(User, OrgCode);
        CanAsk = User.IsOfficerOf(OrgCode);
        Current = await tracker.FindAsync(OrgCode, business.Number, step.Number, ct);
        Note = User.DetailOrWithheld(OrgCode, Current?.Note);

        var changes = await tracker.HistoryAsync(OrgCode, business.Number, step.Number, ct);
        var actor = await actors.ForAsync(User, OrgCode, changes.Select(c => c.ChangedBy), ct);
        var withNotes = User.SeesDetailsOf(OrgCode);
        var history = changes.Select(c => new HistoryEntry(Tokyo(c.ChangedAt), actor(c.ChangedBy),
            $"{c.FromStatus?.JapaneseName() ?? "未着手（記録なし）"} → {c.ToStatus.JapaneseName()}" + Details(c, withNotes), ChangeSource.Label(c.Source))).ToList();
        if (CanSeePrivate)
        {
            var evidenceEvents = await evidence.HistoryAsync(OrgCode, business.Number, step.Number, ct);
            history.AddRange(evidenceEvents.Select(e => new HistoryEntry(Tokyo(e.At), e.By,
                e.Deleted ? $"証跡「{e.FileName}」を削除" : $"証跡「{e.FileName}」を登録", "画面・API")));
            Evidence = (await evidence.ListAsync(OrgCode, business.Number, step.Number, User, ct)).Value ?? [];
            Inquiries = await inquiries.ForStepAsync(OrgCode, business.Number, step.Number, User, ct);
        }
        History = history.OrderByDescending(h => h.AtTokyo).ToList();

        var isMunicipal = User.IsOfficerOf(OrgCode) && !User.IsPrefectureStaff();
        var orgCrumbs = isMunicipal
            ? new[] { new Breadcrumb($"標準化の進捗（{org.Name}）", TenantUrl($"migration/{OrgCode}")) }
            : [new Breadcrumb("標準化の進捗", TenantUrl("migration")), new Breadcrumb(org.Name, TenantUrl($"migration/{OrgCode}"))];
        SetBreadcrumbs([.. orgCrumbs, new Breadcrumb($"{business.OfficialName} {step.StepId}")]);
        return true;
    }

    private static string Details(StepProgressChange c, bool withNote)
    {
        var parts = new List<string>();
        if (c.PlannedDate is { } p) parts.Add($"予定日 {p:yyyy/MM/dd}");
        if (c.ActualDate is { } a) parts.Add($"実績日 {a:yyyy/MM/dd}");
        if (!string.IsNullOrEmpty(c.Note)) parts.Add(withNote ? $"メモ「{c.Note}」" : $"メモ（{PeerVisibility.Withheld}）");
        return parts.Count == 0 ? "" : "（" + string.Join("、", parts) + "）";
    }

    private static DateTime Tokyo(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), JapaneseCalendar.Tokyo);

    public static string DateText(DateOnly? date) => date is { } d ? JapaneseCalendar.FormatWithWestern(d) : "—";
}
