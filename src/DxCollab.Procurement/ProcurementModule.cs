using DxCollab.Platform.Identity;
using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Procurement;

/// <summary>The 共同調達 module: workspaces where municipalities (and prefectures, across tenants) procure together —
/// members and the lead body, 意向調査, versioned documents with approvals, vendor Q&amp;A, milestones, cost sharing and a
/// case catalogue every prefecture reads.</summary>
public sealed class ProcurementModule : IDxModule
{
    public string Name => "共同調達";

    public IReadOnlyList<IModelContributor> ModelContributors { get; } =
    [
        new Domain.WorkspaceModel(), new Polls.PollsModel(), new Documents.DocumentsModel(), new Vendors.VendorsModel(),
        new Costs.CostsModel(), new Catalogue.CatalogueModel(), new CrossTenant.CrossTenantModel(),
    ];

    public void AddServices(ModuleServices module)
    {
        Workspaces.WorkspacesSetup.AddServices(module);
        Polls.PollsSetup.AddServices(module);
        Documents.DocumentsSetup.AddServices(module);
        Vendors.VendorsSetup.AddServices(module);
        Costs.CostsSetup.AddServices(module);
        Catalogue.CatalogueSetup.AddServices(module);
        CrossTenant.CrossTenantSetup.AddServices(module);
    }

    // Every route is under /api/v1/{tenant}/procurements; each slice maps its own.
    public void MapTenantApi(IEndpointRouteBuilder tenantApi)
    {
        Workspaces.WorkspacesSetup.MapTenantApi(tenantApi);
        Polls.PollsSetup.MapTenantApi(tenantApi);
        Documents.DocumentsSetup.MapTenantApi(tenantApi);
        Vendors.VendorsSetup.MapTenantApi(tenantApi);
        Costs.CostsSetup.MapTenantApi(tenantApi);
        Catalogue.CatalogueSetup.MapTenantApi(tenantApi);
        CrossTenant.CrossTenantSetup.MapTenantApi(tenantApi);
    }

    // The case catalogue is read by every tenant (/api/v1/catalogue/procurements).
    public void MapHostApi(IEndpointRouteBuilder v1) => Catalogue.CatalogueSetup.MapHostApi(v1);

    public IReadOnlyList<PageFolderRule> PageFolders { get; } = [new("/Procurement", Policies.TenantMember)];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("共同調達", [Roles.PrefectureAdmin, Roles.PrefectureStaff, Roles.MunicipalOfficer], c => $"/{c.Tenant}/procurement") { CoversSubpages = true },
    ];

    // One stylesheet per slice (kept apart so the slices never edit the same file).
    public IReadOnlyList<string> Stylesheets { get; } =
        [.. new[] { "workspaces", "documents", "vendors", "costs", "crosstenant" }.Select(slice => $"_content/DxCollab.Procurement/css/{slice}.css")];
}
