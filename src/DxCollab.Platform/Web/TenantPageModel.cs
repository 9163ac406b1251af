using DxCollab.MultiTenancy;
using DxCollab.Platform.Tenancy;
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
}
