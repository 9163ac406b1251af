using System.Reflection;
using DxCollab.MultiTenancy.AspNetCore;
using DxCollab.Platform.Backbone;
using DxCollab.Platform.Email;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Tenancy;
using DxCollab.Hosting;
using DxCollab.Modules;
using DxCollab.Platform.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.DeploymentTests;

/// <summary>What the application reads from configuration, found by reflection over its options classes, so that
/// a renamed property or section makes a deployment file's setting unknown.</summary>
internal static class ConfigurationKeys
{
    /// <summary>The options classes bound from a section, by their <c>Section</c> constant.</summary>
    public static readonly IReadOnlyList<Type> OptionsTypes =
    [
        typeof(DatabaseOptions), typeof(MessagingOptions), typeof(JobsOptions), typeof(HostingOptions),
        typeof(SmtpOptions), typeof(EmailOptions), typeof(ObservabilityOptions), typeof(KeyRingOptions),
    ];

    /// <summary>The platform's sections and every module's (declared through ModuleServices.AddOptions, read from the
    /// modules of ModuleCatalog, so a new module's settings are known without editing this file). A module's section
    /// may have several segments ("Migration:Files").</summary>
    public static IReadOnlyDictionary<string, Type> Sections { get; } = OptionsTypes.ToDictionary(
        t => (string)(t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue()
                      ?? throw new InvalidOperationException($"{t.Name} has no Section constant")),
        t => t, StringComparer.Ordinal)
        .Concat(ModuleSections.Select(s => KeyValuePair.Create(s.Section, s.OptionsType)))
        .ToDictionary(StringComparer.Ordinal);

    /// <summary>What the modules of ModuleCatalog declare when they register their services.</summary>
    public static IReadOnlyList<OptionsSection> ModuleSections =>
        [.. new ServiceCollection().AddDxCollabModules(ModuleCatalog.Modules).Select(d => d.ImplementationInstance).OfType<OptionsSection>()];

    /// <summary>The longest declared section that <paramref name="segments"/> starts with, and how many segments it takes.</summary>
    private static (Type Type, int Length)? FindSection(string[] segments)
    {
        for (var length = segments.Length; length >= 1; length--)
            if (Sections.TryGetValue(string.Join(':', segments[..length]), out var type)) return (type, length);
        return null;
    }

    /// <summary>Framework and exporter variables that are not application configuration keys.</summary>
    private static readonly string[] FrameworkPrefixes = ["ASPNETCORE_", "DOTNET_", "OTEL_"];

    /// <summary>An environment variable name as a configuration key (A__B__C → A:B:C).</summary>
    public static string ToConfigurationKey(string environmentVariable) => environmentVariable.Replace("__", ":", StringComparison.Ordinal);

    public static bool IsFrameworkVariable(string name) => FrameworkPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));

    /// <summary>Null when the environment variable is read by DxCollab or the framework; else why not.</summary>
    public static string? Problem(string environmentVariable)
    {
        if (IsFrameworkVariable(environmentVariable)) return null;
        var key = ToConfigurationKey(environmentVariable);
        var segments = key.Split(':');
        if (segments.Any(s => s.Length == 0)) return $"'{key}' has an empty segment";
        switch (segments[0])
        {
            case "Logging": return segments.Length >= 2 ? null : "Logging needs a sub-key";
            case "AllowedHosts": return segments.Length == 1 ? null : "AllowedHosts has no sub-keys";
            case "ConnectionStrings": return key == "ConnectionStrings:DxCollab" ? null : "only ConnectionStrings:DxCollab is read";
            case "MultiTenancy":
                // Read as configuration["MultiTenancy:HostTemplate"] into MultiTenantOptions.HostTemplate.
                return segments is [_, nameof(MultiTenantOptions.HostTemplate)] ? null : "only MultiTenancy:HostTemplate is read";
            case "Tenants":
                if (segments.Length != 3 || segments[2] != nameof(PrefectureTenant.ConnectionString)) return "only Tenants:{id}:ConnectionString is read";
                return PrefectureCatalog.Identifiers.Contains(segments[1], StringComparer.Ordinal) ? null : $"'{segments[1]}' is not a tenant id";
        }
        if (FindSection(segments) is not var (type, length)) return $"no options class is bound from section '{segments[0]}'";
        return PropertyPath(type, segments[length..], key) is { Problem: { } problem } ? problem : null;
    }

    /// <summary>The property a key names (exact case: our files follow the classes' spelling), or why there is none.</summary>
    public static (PropertyInfo? Property, string? Problem) PropertyPath(Type type, string[] path, string key)
    {
        if (path.Length == 0) return (null, $"'{key}' names a whole section, not a setting");
        PropertyInfo? property = null;
        for (var i = 0; i < path.Length; i++)
        {
            property = type.GetProperty(path[i], BindingFlags.Public | BindingFlags.Instance);
            if (property is null)
            {
                var near = type.GetProperties().FirstOrDefault(p => p.Name.Equals(path[i], StringComparison.OrdinalIgnoreCase));
                return (null, near is null ? $"'{key}': {type.Name} has no property '{path[i]}'" : $"'{key}': spell '{path[i]}' as '{near.Name}'");
            }
            var last = i == path.Length - 1;
            if (last && !(property.SetMethod?.IsPublic ?? false)) return (null, $"'{key}': {type.Name}.{property.Name} cannot be set");
            if (last && !IsSimple(property.PropertyType)) return (null, $"'{key}': {type.Name}.{property.Name} is a section, not a value");
            if (!last && IsSimple(property.PropertyType)) return (null, $"'{key}': {type.Name}.{property.Name} is a value, it has no '{path[i + 1]}'");
            type = property.PropertyType;
        }
        return (property, null);
    }

    /// <summary>The property an environment variable binds to, when it binds to one of the options classes.</summary>
    public static PropertyInfo? OptionsProperty(string environmentVariable)
    {
        var segments = ToConfigurationKey(environmentVariable).Split(':');
        return FindSection(segments) is var (type, length) ? PropertyPath(type, segments[length..], environmentVariable).Property : null;
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(Uri);
    }
}
