using DxCollab.Platform.Identity;
using DxCollab.Platform.Modules;
using Microsoft.AspNetCore.Routing;

namespace DxCollab.Surveys;

/// <summary>The 照会 module: surveys of the prefecture to its 団体 (and relayed national surveys), answers, reminders,
/// results, exports and 還元. Experts of the pool see no survey (policy OrganizationStaff).</summary>
public sealed class SurveysModule : IDxModule
{
    public string Name => "照会";

    public IReadOnlyList<IModelContributor> ModelContributors { get; } = [new Domain.SurveysModel()];

    public void AddServices(ModuleServices module)
    {
    }

    public void MapTenantApi(IEndpointRouteBuilder tenantApi)
    {
    }

    public IReadOnlyList<PageFolderRule> PageFolders { get; } =
    [
        new("/Surveys", Policies.OrganizationStaff),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("照会", [Roles.PrefectureAdmin, Roles.PrefectureStaff, Roles.MunicipalOfficer], c => $"/{c.Tenant}/surveys") { CoversSubpages = true },
    ];

    public IReadOnlyList<string> Stylesheets { get; } = ["_content/DxCollab.Surveys/css/surveys.css"];
}
