using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>The list of surveys: prefecture staff see every survey of the tenant, an officer those its 団体 is asked.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}
