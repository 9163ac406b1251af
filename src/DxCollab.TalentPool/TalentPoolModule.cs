using DxCollab.Platform.Identity;
using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.TalentPool;

/// <summary>The 人材プール module: a host organisation's pool of digital experts, municipalities' guided support requests,
/// ranked candidates and cap-safe assignment, activity logs, support reports and dashboards. Experts (role Expert) sign
/// in to see only their own assignments.</summary>
public sealed class TalentPoolModule : IDxModule
{
    public string Name => "人材プール";

    public IReadOnlyList<IModelContributor> ModelContributors { get; } = [new Domain.TalentPoolModel()];

    public void AddServices(ModuleServices module)
    {
        Pool.PoolSetup.AddServices(module);
        Requests.RequestsSetup.AddServices(module);
        Matching.MatchingSetup.AddServices(module);
        Activity.ActivitySetup.AddServices(module);
        Insights.InsightsSetup.AddServices(module);
        Advisers.AdvisersSetup.AddServices(module);
    }

    // Every route is under /api/v1/{tenant}/talent; each slice maps its own.
    public void MapTenantApi(IEndpointRouteBuilder tenantApi)
    {
        Pool.PoolSetup.MapTenantApi(tenantApi);
        Requests.RequestsSetup.MapTenantApi(tenantApi);
        Matching.MatchingSetup.MapTenantApi(tenantApi);
        Activity.ActivitySetup.MapTenantApi(tenantApi);
        Insights.InsightsSetup.MapTenantApi(tenantApi);
        Advisers.AdvisersSetup.MapTenantApi(tenantApi);
    }

    // The national adviser catalogue is host level (read by every tenant).
    public void MapHostApi(IEndpointRouteBuilder v1) => Advisers.AdvisersSetup.MapHostApi(v1);

    public IReadOnlyList<PageFolderRule> PageFolders { get; } = [new("/Talent", Policies.TenantMember)];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("人材プール", [Roles.PrefectureAdmin, Roles.PrefectureStaff, Roles.MunicipalOfficer, Roles.Expert], c => $"/{c.Tenant}/talent") { CoversSubpages = true },
        // Host level: the SystemAdmin keeps the national adviser catalogue every prefecture reads.
        new("国のアドバイザー名簿", [Roles.SystemAdmin], _ => "/ops/talent/advisers"),
    ];

    // One stylesheet per slice (kept apart so the slices never edit the same file).
    public IReadOnlyList<string> Stylesheets { get; } =
        [.. new[] { "pool", "requests", "matching", "activity", "insights" }.Select(slice => $"_content/DxCollab.TalentPool/css/{slice}.css")];
}
