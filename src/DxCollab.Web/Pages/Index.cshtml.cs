using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DxCollab.Web.Pages;

/// <summary>The front door: signed-in users go straight to their own home.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        var tenant = User.FindFirst(DxClaims.Tenant)?.Value;
        if (tenant is null) return Page();
        return Redirect(tenant == PrefectureCatalog.HostTenantId ? "/ops" : "/" + tenant);
    }
}
