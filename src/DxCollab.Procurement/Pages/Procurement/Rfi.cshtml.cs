using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Procurement.Vendors;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Procurement.Pages.Procurement;

/// <summary>The RFI matrix: items × vendors for every reader; the lead adds items and records answers.</summary>
public sealed class RfiModel(RfiService rfi) : TenantPageModel
{
    [BindProperty] public string? ItemName { get; set; }
    [BindProperty] public string? ItemDescription { get; set; }
    [BindProperty] public long? ItemId { get; set; }
    [BindProperty] public string? VendorName { get; set; }
    [BindProperty] public string? Answer { get; set; }

    public long Id { get; private set; }
    public RfiMatrix Matrix { get; private set; } = new(0, "", false, [], []);
    public string? ErrorField { get; private set; }
    public string? Error { get; private set; }

    public string? Invalid(string field) => ErrorField == field ? "true" : null;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostItemAsync(long id, CancellationToken ct) =>
        await AfterAsync(id, await rfi.AddItemAsync(id, new RfiItemInput(ItemName, ItemDescription), User, ct), "項目を加えました。", ct);

    public async Task<IActionResult> OnPostAnswerAsync(long id, CancellationToken ct) =>
        await AfterAsync(id, await rfi.RecordAnswerAsync(id, new RfiAnswerInput(ItemId, VendorName, Answer), User, ct), "回答を記録しました。", ct);

    private async Task<IActionResult> AfterAsync<T>(long id, Outcome<T> outcome, string notice, CancellationToken ct)
    {
        if (outcome.Succeeded)
        {
            TempData["Notice"] = notice;
            return Redirect(TenantUrl($"procurement/{id}/rfi"));
        }
        if (outcome.Kind is OutcomeKind.Forbidden or OutcomeKind.NotFound) return Refused(outcome.Kind);
        (ErrorField, Error) = (outcome.Field, outcome.Message);
        return await LoadAsync(id, ct) ?? RefusedPage(outcome.Kind);
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        Id = id;
        var outcome = await rfi.MatrixAsync(id, User, ct);
        if (!outcome.Succeeded) return ForbidOrNotFound(outcome.Kind);
        Matrix = outcome.Value!;
        SetBreadcrumbs(new Breadcrumb("共同調達", TenantUrl("procurement")), new Breadcrumb(Matrix.WorkspaceTitle, TenantUrl($"procurement/{id}")),
            new Breadcrumb("RFIの比較表"));
        return null;
    }
}
