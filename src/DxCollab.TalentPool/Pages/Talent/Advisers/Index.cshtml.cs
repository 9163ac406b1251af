using DxCollab.Platform.Organizations;
using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Advisers;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent.Advisers;

/// <summary>The national adviser catalogue as a prefecture reads it, and its record of uses (within the national caps per
/// use) with totals per adviser.</summary>
public sealed class IndexModel(AdviserCatalog catalog, AdviserUses uses, OrganizationDirectory organizations) : TenantPageModel
{
    [BindProperty] public long? AdviserId { get; set; }
    [BindProperty] public string? OrganizationCode { get; set; }
    [BindProperty] public DateOnly? RequestedOn { get; set; }
    [BindProperty] public int? OnSiteDays { get; set; }
    [BindProperty] public int? OnlineHours { get; set; }
    [BindProperty] public long? RequestId { get; set; }
    [BindProperty] public string? Note { get; set; }

    public IReadOnlyList<AdviserView> Catalogue { get; private set; } = [];
    public AdviserUseList Uses { get; private set; } = new([], []);
    public IReadOnlyList<OrganizationView> Organizations { get; private set; } = [];
    public string? ErrorField { get; private set; }
    public string? Error { get; private set; }

    public string? Invalid(string field) => ErrorField == field ? "true" : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await uses.RecordAsync(new AdviserUseInput(AdviserId, OrganizationCode, RequestId, RequestedOn, OnSiteDays, OnlineHours, Note), User, ct);
        if (outcome.Kind is Platform.Results.OutcomeKind.Forbidden) return Forbid();
        if (outcome.Succeeded)
        {
            TempData["Notice"] = $"{outcome.Value!.AdviserName} さんの派遣（{outcome.Value.OrganizationName}）を記録しました。";
            return Redirect(TenantUrl("talent/advisers"));
        }
        (ErrorField, Error) = (outcome.Field, outcome.Message);
        return await LoadAsync(ct) ?? RefusedPage(outcome.Kind);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!User.MayManagePool()) return Forbid();
        Catalogue = await catalog.ListAsync(includeInactive: false, ct);
        Uses = (await uses.ListAsync(User, ct)).Value ?? new([], []);
        Organizations = await organizations.SearchAsync(ct: ct);
        RequestedOn ??= Platform.Text.JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);
        SetBreadcrumbs(new Breadcrumb("人材プール", TenantUrl("talent")), new Breadcrumb("国のアドバイザー"));
        return null;
    }
}
