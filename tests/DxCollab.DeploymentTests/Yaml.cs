using YamlDotNet.RepresentationModel;

namespace DxCollab.DeploymentTests;

/// <summary>Small helpers over YamlDotNet's representation model (aliases are resolved by the loader; merge keys
/// "&lt;&lt;" are applied here, as Docker Compose does).</summary>
internal static class Yaml
{
    public static IReadOnlyList<YamlNode> LoadAll(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => d.RootNode).ToList();
    }

    /// <summary>The entries of a mapping with merge keys applied (own entries win over merged ones).</summary>
    public static IReadOnlyDictionary<string, YamlNode> Entries(YamlNode? node)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping) return result;
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: "<<" })
            {
                var sources = value is YamlSequenceNode seq ? seq.Children : [value];
                foreach (var source in sources)
                    foreach (var (k, v) in Entries(source))
                        result.TryAdd(k, v);
            }
        }
        foreach (var (key, value) in mapping.Children)
            if (key is YamlScalarNode { Value: { } name } && name != "<<")
                result[name] = value;
        return result;
    }

    public static YamlNode? Get(YamlNode? node, params string[] path)
    {
        foreach (var segment in path)
        {
            if (node is null || !Entries(node).TryGetValue(segment, out node)) return null;
        }
        return node;
    }

    public static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(YamlNode? node) => node is YamlSequenceNode seq ? seq.Children : [];
}
