using System.Text.RegularExpressions;

namespace DxCollab.DeploymentTests;

/// <summary>An environment variable set by a deployment file for a DxCollab process.</summary>
internal sealed record EnvSetting(string Source, string Name, string? Value);

/// <summary>Reads the environment that infra/compose and infra/k8s give to the web and the worker.</summary>
internal static partial class DeploymentFiles
{
    public const string ComposeFile = "infra/compose/docker-compose.yml";
    public const string EnvExampleFile = "infra/compose/.env.example";
    public const string K8sFolder = "infra/k8s";

    // ---------- docker compose ----------

    /// <summary>Variables of .env.example (KEY=VALUE lines; # comments).</summary>
    public static IReadOnlyDictionary<string, string> EnvExample() => ParseEnvFile(RepoFiles.Read(EnvExampleFile));

    public static IReadOnlyDictionary<string, string> ParseEnvFile(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var eq = line.IndexOf('=');
            if (eq <= 0) throw new FormatException($"Not KEY=VALUE: {line}");
            result[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }
        return result;
    }

    /// <summary>The compose services that run a DxCollab image (built from infra/docker or named dxcollab-*).</summary>
    public static IReadOnlyDictionary<string, YamlDotNet.RepresentationModel.YamlNode> DxCollabServices()
    {
        var root = Yaml.LoadAll(RepoFiles.Read(ComposeFile)).Single();
        return Yaml.Entries(Yaml.Get(root, "services"))
            .Where(s => (Yaml.Scalar(Yaml.Get(s.Value, "build", "dockerfile")) ?? "").StartsWith("infra/docker/", StringComparison.Ordinal)
                        || (Yaml.Scalar(Yaml.Get(s.Value, "image")) ?? "").Contains("dxcollab", StringComparison.Ordinal))
            .ToDictionary(s => s.Key, s => s.Value);
    }

    /// <summary>The environment of one compose service (mapping or KEY=VALUE list form), values as written.</summary>
    public static IReadOnlyList<EnvSetting> ComposeEnvironment(string service, YamlDotNet.RepresentationModel.YamlNode node)
    {
        var source = $"{ComposeFile} ({service})";
        var environment = Yaml.Get(node, "environment");
        if (environment is YamlDotNet.RepresentationModel.YamlSequenceNode list)
            return list.Children.Select(Yaml.Scalar).OfType<string>().Select(item =>
            {
                var eq = item.IndexOf('=');
                return eq < 0 ? new EnvSetting(source, item, null) : new EnvSetting(source, item[..eq], item[(eq + 1)..]);
            }).ToList();
        return Yaml.Entries(environment).Select(e => new EnvSetting(source, e.Key, Yaml.Scalar(e.Value))).ToList();
    }

    public static IReadOnlyList<EnvSetting> AllComposeSettings() =>
        DxCollabServices().SelectMany(s => ComposeEnvironment(s.Key, s.Value)).ToList();

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:?[-?])(?<arg>[^}]*))?\}")]
    private static partial Regex Interpolation();

    /// <summary>Names used as ${NAME…} in a text, with whether each use has a default (:- or -).</summary>
    public static IEnumerable<(string Name, bool HasDefault)> InterpolatedVariables(string text) =>
        Interpolation().Matches(text).Select(m => (m.Groups["name"].Value, m.Groups["op"].Value.EndsWith('-')));

    /// <summary>Compose interpolation (${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, $$) against the variables given.</summary>
    public static string? Interpolate(string? value, IReadOnlyDictionary<string, string> variables)
    {
        if (value is null) return null;
        var result = Interpolation().Replace(value.Replace("$$", "\u0001"), m =>
        {
            var name = m.Groups["name"].Value;
            var op = m.Groups["op"].Value;
            var set = variables.TryGetValue(name, out var v);
            var empty = !set || (op.StartsWith(':') && string.IsNullOrEmpty(v));
            if (op.EndsWith('-') && (op == "-" ? !set : empty)) return m.Groups["arg"].Value;
            if (op.EndsWith('?') && (op == "?" ? !set : empty)) throw new InvalidOperationException($"${{{name}}} is required: {m.Groups["arg"].Value}");
            return v ?? "";
        });
        return result.Replace("\u0001", "$");
    }

    // ---------- Kubernetes ----------

    public static IReadOnlyList<(string File, YamlDotNet.RepresentationModel.YamlNode Document)> K8sDocuments() =>
        Directory.GetFiles(RepoFiles.PathOf(K8sFolder), "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(f => Yaml.LoadAll(File.ReadAllText(f)).Select(d => (RepoFiles.Relative(f), d)))
            .ToList();

    public static YamlDotNet.RepresentationModel.YamlNode K8sSingle(string kind, string? name = null) =>
        K8sDocuments().Where(d => Yaml.Scalar(Yaml.Get(d.Document, "kind")) == kind
                                  && (name is null || Yaml.Scalar(Yaml.Get(d.Document, "metadata", "name")) == name))
            .ShouldHaveSingleItem($"one {kind} {name}").Document;

    /// <summary>ConfigMap data and Secret stringData/data keys (all of them are environment variables through envFrom).</summary>
    public static IReadOnlyList<EnvSetting> K8sConfigAndSecretSettings() =>
        K8sDocuments().SelectMany(d =>
        {
            var kind = Yaml.Scalar(Yaml.Get(d.Document, "kind"));
            var sections = kind switch { "ConfigMap" => ["data"], "Secret" => new[] { "stringData", "data" }, _ => [] };
            return sections.SelectMany(section => Yaml.Entries(Yaml.Get(d.Document, section))
                .Select(e => new EnvSetting($"{d.File} ({kind} {section})", e.Key, section == "data" && kind == "Secret" ? null : Yaml.Scalar(e.Value))));
        }).ToList();

    /// <summary>Deployment name → its first container's env entries.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<EnvSetting>> K8sDeploymentEnvironments() =>
        K8sDocuments().Where(d => Yaml.Scalar(Yaml.Get(d.Document, "kind")) == "Deployment")
            .ToDictionary(
                d => Yaml.Scalar(Yaml.Get(d.Document, "metadata", "name"))!,
                d => (IReadOnlyList<EnvSetting>)Yaml.Items(Yaml.Get(d.Document, "spec", "template", "spec", "containers"))
                    .SelectMany(c => Yaml.Items(Yaml.Get(c, "env")))
                    .Select(e => new EnvSetting($"{d.File} (Deployment env)", Yaml.Scalar(Yaml.Get(e, "name"))!, Yaml.Scalar(Yaml.Get(e, "value"))))
                    .ToList());
}
