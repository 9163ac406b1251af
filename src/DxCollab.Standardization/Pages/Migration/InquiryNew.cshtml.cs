using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;
using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Standardization.Files;
using DxCollab.Standardization.Inquiries;
using DxCollab.Standardization.Tracking;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Standardization.Pages.Migration;

/// <summary>A 団体's officer asks the prefecture: about a step of a 業務, a 業務, or the 団体 in general (prefilled
/// from a step page's link). Attachments go to the module's one file store.</summary>
[RequestSizeLimit(UploadPolicy.RequestCeiling)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.RequestCeiling)]
public sealed class InquiryNewModel(InquiryService inquiries, OrganizationDirectory directory, FileStore files) : TenantPageModel
{
    public sealed class NewInput
    {
        public int? Business { get; set; }
        public int? Step { get; set; }
        public string? Title { get; set; }
        public string? Body { get; set; }
    }

    [BindProperty] public NewInput Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Attachments { get; set; } = [];

    public OrganizationView Organization { get; private set; } = null!;
    public IReadOnlyList<StandardBusiness> Businesses { get; private set; } = [];
    public static IReadOnlyList<MigrationStepDefinition> Steps => MigrationStepDefinition.All;
    public UploadPolicy FileOptions => files.Policy(MigrationUploads.Files);
    public string? ErrorField { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? business, int? step, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        Input = new NewInput
        {
            Business = Businesses.Any(b => b.Number == business) ? business : null,
            Step = step is >= 1 and <= MigrationCatalog.StepCount ? step : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        var outcome = await inquiries.CreateAsync(new NewInquiry(Organization.Code, Input.Business, Input.Step, Input.Title, Input.Body), Attachments, User, ct);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = "課題・質問を登録しました。都道府県の担当者に通知しました。";
            return Redirect(TenantUrl($"migration/inquiries/{outcome.Value!.Inquiry.Id}"));
        }
        if (outcome.Kind == OutcomeKind.Forbidden) return Forbid();
        (ErrorField, Error) = (outcome.Field, outcome.Message);
        return RefusedPage(outcome.Kind);
    }

    /// <summary>Only a 団体's officers ask (the prefecture's staff answer).</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var own = User.OwnOrganizationCode();
        if (own is null || User.IsPrefectureStaff()) return false;
        var org = await directory.FindAsync(own, ct);
        if (org is null) return false;
        Organization = org;
        var reported = MigrationCatalog.BusinessesOf(org.Type);
        Businesses = StandardBusiness.All.Where(b => reported.Contains(b.Number)).ToList();
        SetBreadcrumbs(new Breadcrumb($"標準化の進捗（{org.Name}）", TenantUrl($"migration/{org.Code}")),
            new Breadcrumb("課題・質問", TenantUrl("migration/inquiries")), new Breadcrumb("新しい課題・質問"));
        return true;
    }
}
