using System.Reflection;
using DxCollab.Platform.Backbone;
using DxCollab.Platform.Hosting;
using Microsoft.Extensions.Configuration;

namespace DxCollab.DeploymentTests;

/// <summary>Every environment variable that infra/compose and infra/k8s give to the web and the worker must be a
/// setting the application reads, with a value its options accept.</summary>
public sealed class EnvironmentSettingsTests
{
    private static readonly IReadOnlyDictionary<string, string> EnvExample = DeploymentFiles.EnvExample();

    public static TheoryData<string> Sources() => new(["compose", "k8s"]);

    /// <summary>All settings of a deployment style, with compose's ${…} resolved from .env.example.</summary>
    private static IReadOnlyList<EnvSetting> Settings(string source) => source switch
    {
        "compose" => DeploymentFiles.AllComposeSettings().Select(s => s with { Value = DeploymentFiles.Interpolate(s.Value, EnvExample) }).ToList(),
        "k8s" => [.. DeploymentFiles.K8sConfigAndSecretSettings(), .. DeploymentFiles.K8sDeploymentEnvironments().Values.SelectMany(e => e)],
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    [Theory, MemberData(nameof(Sources))]
    public void Every_variable_is_a_setting_of_the_application(string source)
    {
        var settings = Settings(source);
        settings.Count.ShouldBeGreaterThan(15, "the deployment files were read");
        var problems = settings.Select(s => (s, problem: ConfigurationKeys.Problem(s.Name)))
            .Where(x => x.problem is not null).Select(x => $"{x.s.Source}: {x.s.Name}: {x.problem}").ToList();
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void The_env_example_sets_only_compose_variables_and_settings()
    {
        var compose = RepoFiles.Read(DeploymentFiles.ComposeFile);
        var used = DeploymentFiles.InterpolatedVariables(compose).ToList();
        foreach (var (name, _) in EnvExample)
        {
            if (name.Contains("__", StringComparison.Ordinal)) ConfigurationKeys.Problem(name).ShouldBeNull();
            else used.ShouldContain(u => u.Name == name, $".env.example sets {name}, which docker-compose.yml never uses");
        }
        // A variable without a default must be declared in .env.example, or `docker compose up` stops.
        foreach (var (name, _) in used.Where(u => !u.HasDefault).Distinct())
            EnvExample.ShouldContainKey(name, $"docker-compose.yml needs ${{{name}}}; declare it in .env.example");
    }

    [Theory, MemberData(nameof(Sources))]
    public void Values_bind_to_the_options_classes(string source)
    {
        // Per process: settings as one configuration, bound like the application does, refusing unknown keys.
        foreach (var process in Processes(source))
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(process.Settings.Where(s => !ConfigurationKeys.IsFrameworkVariable(s.Name) && s.Value is not null)
                    .Select(s => new KeyValuePair<string, string?>(ConfigurationKeys.ToConfigurationKey(s.Name), s.Value)))
                .Build();
            foreach (var (section, type) in ConfigurationKeys.Sections)
            {
                var bound = Should.NotThrow(() => configuration.GetSection(section).Get(type, o => o.ErrorOnUnknownConfiguration = true),
                    $"{process.Name}: section {section}");
                if (configuration.GetSection(section).Exists()) bound.ShouldNotBeNull();
            }
        }
    }

    [Theory, MemberData(nameof(Sources))]
    public void Enum_values_are_names_of_the_option_enums(string source)
    {
        var enums = Settings(source)
            .Select(s => (s, property: ConfigurationKeys.OptionsProperty(s.Name)))
            .Where(x => x.property is { } p && (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType).IsEnum)
            .ToList();
        enums.Select(x => x.s.Name).ShouldContain("Database__Provider");
        enums.Select(x => x.s.Name).ShouldContain("Messaging__Transport");
        enums.Select(x => x.s.Name).ShouldContain("Jobs__Storage");
        enums.Select(x => x.s.Name).ShouldContain("Hosting__Role");
        foreach (var (setting, property) in enums)
        {
            var type = Nullable.GetUnderlyingType(property!.PropertyType) ?? property.PropertyType;
            Enum.GetNames(type).ShouldContain(setting.Value, $"{setting.Source}: {setting.Name}={setting.Value} is not a {type.Name}");
        }
    }

    [Theory, MemberData(nameof(Sources))]
    public void Production_processes_use_PostgreSql_RabbitMq_no_demo_and_their_role(string source)
    {
        foreach (var process in Processes(source))
        {
            var options = Bind(process);
            options.Database.Provider.ShouldBe(DatabaseProvider.PostgreSql, process.Name);
            options.Database.IsEmbedded.ShouldBeFalse(process.Name);
            (options.Database.ConnectionString ?? "").ShouldContain("Username=dxcollab_app", Case.Sensitive, process.Name);
            (options.Database.MigrationsConnectionString ?? "").ShouldContain("Username=dxcollab_owner", Case.Sensitive, process.Name);
            options.Database.DemoEnabled.ShouldBeFalse(process.Name);
            options.Messaging.Transport.ShouldBe(MessageTransport.RabbitMq, process.Name);
            options.Jobs.Storage.ShouldBe(JobStorageKind.PostgreSql, process.Name);
            options.Hosting.PublicBaseUrl.ShouldNotContain("localhost:5080", Case.Insensitive, process.Name);
            var worker = process.Name.Contains("worker", StringComparison.Ordinal);
            options.Hosting.Role.ShouldBe(worker ? HostRole.Worker : HostRole.Web, process.Name);
            if (worker) options.Database.ApplyMigrationsOnStart.ShouldBeFalse($"{process.Name}: the worker never migrates");
        }
        // Somebody applies the migrations.
        Processes(source).ShouldContain(p => Bind(p).Database.ApplyMigrationsOnStart, "no process applies migrations");
    }

    private sealed record Process(string Name, IReadOnlyList<EnvSetting> Settings);

    private sealed record BoundOptions(DatabaseOptions Database, MessagingOptions Messaging, JobsOptions Jobs, HostingOptions Hosting);

    private static BoundOptions Bind(Process process)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(process.Settings.Select(s => new KeyValuePair<string, string?>(ConfigurationKeys.ToConfigurationKey(s.Name), s.Value)))
            .Build();
        T Get<T>(string section) where T : new() => configuration.GetSection(section).Get<T>() ?? new T();
        return new(Get<DatabaseOptions>(DatabaseOptions.Section), Get<MessagingOptions>(MessagingOptions.Section),
            Get<JobsOptions>(JobsOptions.Section), Get<HostingOptions>(HostingOptions.Section));
    }

    /// <summary>Each DxCollab process a deployment style starts, with its complete environment.</summary>
    private static IReadOnlyList<Process> Processes(string source)
    {
        if (source == "compose")
            return DeploymentFiles.DxCollabServices().Select(s => new Process(s.Key,
                DeploymentFiles.ComposeEnvironment(s.Key, s.Value).Select(e => e with { Value = DeploymentFiles.Interpolate(e.Value, EnvExample) }).ToList())).ToList();
        var shared = DeploymentFiles.K8sConfigAndSecretSettings();
        return DeploymentFiles.K8sDeploymentEnvironments()
            .Select(d => new Process(d.Key, [.. shared, .. d.Value])).ToList();
    }
}
