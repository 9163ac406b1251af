using DxCollab.Platform.Modules;
using DxCollab.Procurement;
using DxCollab.Standardization;
using DxCollab.Surveys;
using DxCollab.TalentPool;

namespace DxCollab.Modules;

/// <summary>Every feature module, in one list: the hosts, the design-time DbContext factories and the tests read it.
/// Adding a module is a project reference, one line here, DxCollab.sln and <c>infra/add-migration.sh</c> (ADR 0008).</summary>
public static class ModuleCatalog
{
    public static IReadOnlyList<IDxModule> Modules { get; } =
    [
        new StandardizationModule(),
        new SurveysModule(),
        new TalentPoolModule(),
        new ProcurementModule(),
    ];

    /// <summary>For design-time DbContexts (migrations) and model tests.</summary>
    public static IReadOnlyList<IModelContributor> ModelContributors { get; } = [.. Modules.SelectMany(m => m.ModelContributors)];
}
