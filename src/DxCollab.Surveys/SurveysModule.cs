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
        Authoring.AuthoringSetup.AddServices(module);
        Answering.AnsweringSetup.AddServices(module);
        Prefill.PrefillSetup.AddServices(module);
        FollowUp.FollowUpSetup.AddServices(module);
        SpecialForms.SpecialFormsSetup.AddServices(module);
        Relay.RelaySetup.AddServices(module);
    }

    // Every route is under /api/v1/{tenant}/surveys; each slice maps its own.
    public void MapTenantApi(IEndpointRouteBuilder tenantApi)
    {
        Authoring.AuthoringSetup.MapTenantApi(tenantApi);
        Answering.AnsweringSetup.MapTenantApi(tenantApi);
        Prefill.PrefillSetup.MapTenantApi(tenantApi);
        FollowUp.FollowUpSetup.MapTenantApi(tenantApi);
        SpecialForms.SpecialFormsSetup.MapTenantApi(tenantApi);
        Relay.RelaySetup.MapTenantApi(tenantApi);
    }

    public void MapHostApi(IEndpointRouteBuilder v1) => Relay.RelaySetup.MapHostApi(v1);

    public IReadOnlyList<PageFolderRule> PageFolders { get; } =
    [
        new("/Surveys", Policies.OrganizationStaff),
        new("/NationalSurveys", Policies.NationalViewer, HostLevel: true),
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("全国照会", Roles.HostRoles, _ => "/ops/surveys") { CoversSubpages = true },
        new("照会", [Roles.PrefectureAdmin, Roles.PrefectureStaff, Roles.MunicipalOfficer], c => $"/{c.Tenant}/surveys") { CoversSubpages = true },
    ];

    public IReadOnlyList<string> Stylesheets { get; } = ["_content/DxCollab.Surveys/css/surveys.css"];
}
