using DxCollab.MultiTenancy;
using DxCollab.Platform.Files;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Tenancy;
using DxCollab.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DxCollab.Web.Pages.Ops;

/// <summary>SystemAdmin: the same import as POST /api/v1/ops/organizations/import, as a form.</summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class OrganizationsModel(DatabaseInitializer initializer, IMultiTenantStore<PrefectureTenant> store, IOptionsMonitor<UploadPolicy> policies)
    : PageModel
{
    [BindProperty] public string? EffectiveOn { get; set; }
    [BindProperty] public string? Source { get; set; }
    public List<string> Errors { get; } = [];
    public OrganizationSyncResult? Result { get; private set; }

    public void OnGet() => EffectiveOn = DateTime.UtcNow.ToString("yyyy-MM-dd");

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var (list, errors) = ReferenceDataApi.ReadList(file, policies.Get(FilePurposes.OrganizationList));
        if (errors.Length > 0)
        {
            Errors.AddRange(errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!DateOnly.TryParseExact(EffectiveOn, "yyyy-MM-dd", out var date))
        {
            Errors.Add("適用日を指定してください。");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Result = await initializer.LoadOrganizationsAsync(await store.GetAllAsync(), list!.Records, date,
            string.IsNullOrWhiteSpace(Source) ? $"団体一覧の取り込み（{file!.FileName}）" : Source.Trim(), abolishMissing: true, ct);
        return Page();
    }
}
