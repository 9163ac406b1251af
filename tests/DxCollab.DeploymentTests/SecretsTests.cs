using System.Text.RegularExpressions;

namespace DxCollab.DeploymentTests;

/// <summary>The committed deployment material holds placeholders only: real secrets live in .env / the secret store.</summary>
public sealed partial class SecretsTests
{
    private static readonly string[] Scanned = ["infra/compose", "infra/k8s", "infra/docker", "docs/operations.md", ".dockerignore"];

    /// <summary>The git-ignored files where an operator keeps the real values.</summary>
    private static readonly string[] LocalSecretFiles = [".env", "secret.yaml"];

    // KEY=value, KEY: value and Password=value inside connection strings, for keys that name a secret.
    [GeneratedRegex(@"(?<![\w.])(?<key>[\w.]*(?:password|passwd|_pass\b|secret|token|apikey|api_key)[\w.]*)(?:=|:[ \t]+)[ \t]*[""']?(?<value>[^""'\s;#]*)",
        RegexOptions.IgnoreCase)]
    private static partial Regex SecretAssignment();

    private static readonly string[] NotSecretKeys = ["secretName", "secretRef", "secretKeyRef"];

    /// <summary>Empty, a variable reference, an obvious placeholder.</summary>
    private static bool IsPlaceholder(string value) =>
        value.Length == 0 || value.StartsWith('$') || value.StartsWith('<') || value.StartsWith(":'", StringComparison.Ordinal)
        || value.Contains("change-me", StringComparison.OrdinalIgnoreCase) || value.Contains("changeme", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<string> RealLookingSecrets(string text) =>
        SecretAssignment().Matches(text)
            .Where(m => !NotSecretKeys.Contains(m.Groups["key"].Value, StringComparer.OrdinalIgnoreCase) && !IsPlaceholder(m.Groups["value"].Value))
            .Select(m => m.Value)
            .Concat(text.Contains("-----BEGIN", StringComparison.Ordinal) ? ["a PEM block (-----BEGIN …)"] : []);

    [Fact]
    public void No_committed_deployment_file_holds_a_real_looking_secret()
    {
        var files = Scanned.Select(RepoFiles.PathOf)
            .SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*", SearchOption.AllDirectories) : File.Exists(p) ? [p] : [])
            .Where(f => !LocalSecretFiles.Contains(Path.GetFileName(f)))
            .ToList();
        files.Count.ShouldBeGreaterThan(10);
        var found = files.SelectMany(f => RealLookingSecrets(File.ReadAllText(f)).Select(s => $"{RepoFiles.Relative(f)}: {s}")).ToList();
        found.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Host=db;Username=dxcollab_app;Password=Tr0ub4dor&3")]
    [InlineData("POSTGRES_PASSWORD=hunter2hunter2")]
    [InlineData("  Messaging__RabbitMq__Password: s3cret-value")]
    [InlineData("Smtp__Password: \"Xy7!kq\"")]
    [InlineData("RABBITMQ_DEFAULT_PASS=guest")]
    [InlineData("-----BEGIN PRIVATE KEY-----")]
    public void Flags_real_looking_secrets(string text) => RealLookingSecrets(text).ShouldNotBeEmpty();

    [Theory]
    [InlineData("Host=db;Username=dxcollab_app;Password=change-me;SSL Mode=Require")]
    [InlineData("POSTGRES_PASSWORD=change-me-postgres")]
    [InlineData("POSTGRES_PASSWORD: \"${POSTGRES_PASSWORD:?set it}\"")]
    [InlineData("Smtp__Password: \"${DXCOLLAB_SMTP_PASSWORD:-}\"")]
    [InlineData("DXCOLLAB_SMTP_PASSWORD=")]
    [InlineData("CREATE ROLE x LOGIN PASSWORD :'owner_pw';")]
    [InlineData("      secretName: dxcollab-tls")]
    public void Accepts_placeholders_and_references(string text) => RealLookingSecrets(text).ShouldBeEmpty();
}
