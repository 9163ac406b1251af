using DxCollab.MultiTenancy;
using DxCollab.Platform.Results;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DxCollab.Platform.Web;

/// <summary>Base for pages under /{tenant}: the request's tenant (already checked against the user's claim).</summary>
public abstract class TenantPageModel : PageModel
{
    public PrefectureTenant Tenant => HttpContext.GetTenantInfo<PrefectureTenant>()
        ?? throw new InvalidOperationException("Tenant pages run only with a resolved tenant.");

    /// <summary>A path inside this tenant, e.g. TenantUrl("admin/users") → /osaka/admin/users.</summary>
    public string TenantUrl(string relative = "") => "/" + Tenant.Identifier + (relative.Length > 0 ? "/" + relative.TrimStart('/') : "");

    protected void SetBreadcrumbs(params Breadcrumb[] trail) =>
        ViewData["Breadcrumbs"] = new[] { new Breadcrumb(Tenant.Name!, TenantUrl()) }.Concat(trail).ToList();

    /// <summary>A refused request shown on this page: answered with the refusal's status (400, 403, 404, 409 …), the
    /// same as the API's, while the page shows the message it kept next to its form.</summary>
    protected PageResult RefusedPage(OutcomeKind kind)
    {
        Response.StatusCode = kind.StatusCode();
        return Page();
    }

    /// <summary>A refusal on a page that has nothing to show without its subject: 403 as the access-denied page, 404 as
    /// not found; any other refusal (a wrong input, a conflict) is shown on the page (<see cref="RefusedPage"/>).</summary>
    protected IActionResult Refused(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Forbidden => Forbid(),
        OutcomeKind.NotFound => NotFound(),
        _ => RefusedPage(kind),
    };

    /// <summary>A subject the page could not load: the access-denied page when the user may not see it, else 404.</summary>
    protected IActionResult ForbidOrNotFound(OutcomeKind kind) => kind == OutcomeKind.Forbidden ? Forbid() : NotFound();
}
