using DxCollab.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DxCollab.Web.Pages;

/// <summary>The front door: signed-in users go straight to their own home.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.TenantId() is not { } tenant) return Page();
        return Redirect(User.IsHostUser() ? "/ops" : "/" + tenant);
    }
}
