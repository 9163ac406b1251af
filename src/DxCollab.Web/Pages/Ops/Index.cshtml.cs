using DxCollab.MultiTenancy;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DxCollab.Web.Pages.Ops;

public sealed class IndexModel(IMultiTenantStore<PrefectureTenant> store) : PageModel
{
    public IReadOnlyList<PrefectureTenant> Tenants { get; private set; } = [];

    public async Task OnGetAsync() => Tenants = (await store.GetAllAsync()).Where(t => !t.IsHost).ToList();
}
