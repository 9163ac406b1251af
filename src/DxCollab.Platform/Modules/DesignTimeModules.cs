namespace DxCollab.Platform.Modules;

/// <summary>The model contributors of all modules, for design-time DbContexts (migrations) and model tests.
/// A new module adds its contributor here and in its AddXxx() registration.</summary>
public static class DesignTimeModules
{
    public static IReadOnlyList<IModelContributor> All { get; } = [];
}
