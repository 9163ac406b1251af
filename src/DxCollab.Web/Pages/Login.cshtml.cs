using DxCollab.MultiTenancy;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DxCollab.Web.Pages;

/// <summary>Accounts are per prefecture (the same e-mail may exist in two), so sign-in starts by choosing one.</summary>
public sealed class LoginChooserModel(IMultiTenantStore<PrefectureTenant> store) : PageModel
{
    public IReadOnlyList<PrefectureTenant> Tenants { get; private set; } = [];
    public string? Selected { get; private set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(string? tenant)
    {
        Tenants = (await store.GetAllAsync()).Where(t => !t.IsHost).ToList();
        if (!string.IsNullOrEmpty(tenant) && Tenants.Any(t => t.Identifier == tenant))
        {
            var back = !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? $"?returnUrl={Uri.EscapeDataString(ReturnUrl)}" : "";
            return Redirect($"/{tenant}/login{back}");
        }
        Selected = tenant;
        return Page();
    }
}
