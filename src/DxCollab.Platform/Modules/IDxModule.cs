using Microsoft.AspNetCore.Routing;

namespace DxCollab.Platform.Modules;

/// <summary>A feature module (標準化, 照会, 人材プール …) as the hosts see it: one class that declares everything the
/// hosts and the tests need. The hosts iterate DxCollab.Modules.ModuleCatalog.Modules; nothing outside the module's
/// folder names the module (ADR 0008). Only <see cref="Name"/>, <see cref="ModelContributors"/> and
/// <see cref="AddServices"/> are required; the rest default to "nothing".</summary>
public interface IDxModule
{
    /// <summary>The module's name in the domain's words (標準化), for logs and diagnostics.</summary>
    string Name { get; }

    /// <summary>Its entities (tables prefixed with the module's name, tenant-owned ones implement ITenantOwned).
    /// Read by the hosts, the three design-time factories and the model tests.</summary>
    IReadOnlyList<IModelContributor> ModelContributors { get; }

    /// <summary>Services, options sections, consumers, tenant recurring jobs, reminder rules and demo-data
    /// contributors, declared through <paramref name="module"/> so the hosts and tests can see them.</summary>
    void AddServices(ModuleServices module);

    /// <summary>Endpoints on the shared tenant API group <c>/api/v1/{tenant}</c>, which already requires the
    /// TenantMember policy: map relative routes ("/migration/…") and add only a stricter policy where one is needed.</summary>
    void MapTenantApi(IEndpointRouteBuilder tenantApi) { }

    /// <summary>Host-level endpoints on <c>/api/v1</c> (e.g. <c>/national/…</c>): the module marks them
    /// HostLevel and names their policy itself (the authorization guard test checks that it did).</summary>
    void MapHostApi(IEndpointRouteBuilder v1) { }

    /// <summary>Who may open the module's page folders; the web host applies these to its Razor Pages conventions.</summary>
    IReadOnlyList<PageFolderRule> PageFolders => [];

    /// <summary>Its entries in the main menu, per role; the layout draws them after the home link.</summary>
    IReadOnlyList<NavigationEntry> Navigation => [];

    /// <summary>Its own stylesheets, as static web assets of its Razor class library
    /// (<c>_content/{assembly}/css/….css</c>); the layout links every module's.</summary>
    IReadOnlyList<string> Stylesheets => [];
}

/// <summary>Pages under <paramref name="Folder"/> (a folder of the module's Pages/, e.g. "/Migration") need
/// <paramref name="Policy"/>; <paramref name="HostLevel"/> marks them as host pages (national, operations), reached
/// only by host users.</summary>
public sealed record PageFolderRule(string Folder, string Policy, bool HostLevel = false);
