using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Insights;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.TalentPool.Pages.Talent;

/// <summary>情報担当職員数 per 団体: edit one, or import a 団体コード,人数 file (all or nothing, every wrong row listed).</summary>
public sealed class ItStaffModel(ItStaffService staff) : TenantPageModel
{
    public IReadOnlyList<ItStaffRow> Rows { get; private set; } = [];
    [TempData] public string? Notice { get; set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }
    public IReadOnlyDictionary<string, string[]> RowErrors { get; private set; } = new Dictionary<string, string[]>();

    [BindProperty] public string? OrganizationCode { get; set; }
    [BindProperty] public int? Staff { get; set; }
    [BindProperty] public DateOnly? AsOf { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.MayManagePool()) return Forbid();
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!User.MayManagePool()) return Forbid();
        if (!ModelState.IsValid)
        {
            (Error, ErrorField) = ("人数は 0 以上の整数で、基準日は日付で入力してください。", "staff");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(ct);
        }
        var (outcome, _) = await staff.SaveAsync([new ItStaffEntry(OrganizationCode, Staff, AsOf)], User, _ => "staff", ct);
        if (!outcome.Succeeded)
        {
            (Error, ErrorField) = (outcome.Message, OrganizationCode is { Length: > 0 } && outcome.Message?.Contains("団体コード") == true ? "organization" : "staff");
            Response.StatusCode = outcome.Kind.StatusCode();
            return await ShowAsync(ct);
        }
        Notice = "情報担当職員数を保存しました。";
        return Redirect(TenantUrl("talent/it-staff") + "#list-heading");
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (!User.MayManagePool()) return Forbid();
        if (file is null || file.Length == 0 || file.Length > InsightsApi.MaxImportBytes)
        {
            (Error, ErrorField) = (file is null || file.Length == 0 ? "取り込むファイル（CSV または xlsx）を選んでください。" : "取り込めるファイルは 1 MB までです。", "file");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(ct);
        }
        await using var stream = file.OpenReadStream();
        var (outcome, errors) = await InsightsApi.ImportAsync(stream, staff, User, ct);
        if (!outcome.Succeeded)
        {
            (Error, ErrorField) = (errors is null ? outcome.Message : $"{errors.Errors.Count} 件の誤りがあります。どの行も保存していません。直して、もう一度取り込んでください。", "file");
            RowErrors = errors?.Errors ?? new Dictionary<string, string[]>();
            Response.StatusCode = outcome.Kind.StatusCode();
            return await ShowAsync(ct);
        }
        Notice = $"{outcome.Value!.Saved} 団体の情報担当職員数を取り込みました。";
        return Redirect(TenantUrl("talent/it-staff") + "#list-heading");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Rows = (await staff.ListAsync(User, ct)).Value ?? [];
        SetBreadcrumbs(new Breadcrumb("人材プール", TenantUrl("talent")), new Breadcrumb("情報担当職員数"));
        return Page();
    }
}
