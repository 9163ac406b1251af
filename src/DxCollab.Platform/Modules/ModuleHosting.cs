using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Platform.Modules;

/// <summary>The modules a host runs, as one service: the layout reads navigation and stylesheets from it, the web
/// host its endpoints and page folders.</summary>
public sealed class InstalledModules(IReadOnlyList<IDxModule> modules)
{
    public IReadOnlyList<IDxModule> All { get; } = modules;
}

public static class ModuleHosting
{
    /// <summary>Registers every module: its model contributors (for the one DbContext), then its own services.
    /// Call before AddDxCollabMessaging/AddDxCollabJobs, which collect the consumers and jobs registered here.</summary>
    public static IServiceCollection AddDxCollabModules(this IServiceCollection services, IReadOnlyList<IDxModule> modules)
    {
        var names = modules.GroupBy(m => m.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (names.Count > 0) throw new InvalidOperationException($"モジュール名が重複しています: {string.Join(", ", names)}");
        services.AddSingleton(new InstalledModules(modules));
        foreach (var module in modules)
        {
            foreach (var contributor in module.ModelContributors) services.AddSingleton<IModelContributor>(contributor);
            module.AddServices(new ModuleServices(module, services));
        }
        return services;
    }
}
