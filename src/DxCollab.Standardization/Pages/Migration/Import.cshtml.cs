using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Web;
using DxCollab.Standardization.Imports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Standardization.Pages.Migration;

/// <summary>Upload of a 総務省 workbook (xlsx / CSV) to import in the background; the run's page shows its progress.
/// The prefecture's staff import for the whole tenant; a municipal officer may import too, but every row of another
/// 団体 is then rejected (and, all or nothing, nothing changes).</summary>
// The body may exceed the workbook's limit so that the limit is told in words rather than as a bare 413.
[RequestSizeLimit(UploadPolicy.RequestCeiling)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.RequestCeiling)]
public sealed class ImportModel(ImportRuns runs) : TenantPageModel
{
    public UploadPolicy Policy => runs.Policy;

    [BindProperty] public IFormFile? Upload { get; set; }
    public bool IsStaff { get; private set; }
    public IReadOnlyList<(Guid Id, string FileName, ImportRunStatus Status, bool? Applied, DateTime CreatedAt, string RequestedBy)> Recent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ImportRuns.MayImport(User)) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ImportRuns.MayImport(User)) return Forbid();
        if (runs.Check(Upload?.FileName, Upload?.Length ?? 0) is { } error)
        {
            ModelState.AddModelError(nameof(Upload), error);
            await LoadAsync(ct);
            return Page();
        }
        using var buffer = new MemoryStream();
        await Upload!.CopyToAsync(buffer, ct);
        var id = await runs.StartAsync(Upload.FileName, buffer.ToArray(), User, ct);
        return Redirect(TenantUrl($"migration/import/{id}"));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        IsStaff = User.IsPrefectureStaff();
        Recent = await runs.RecentAsync(User, 10, ct);
        SetBreadcrumbs(IsStaff
            ? [new Breadcrumb("標準化の進捗", TenantUrl("migration")), new Breadcrumb("総務省様式の取り込み")]
            : [new Breadcrumb("総務省様式の取り込み")]);
    }
}
