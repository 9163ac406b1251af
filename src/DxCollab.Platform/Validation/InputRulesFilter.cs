using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using DxCollab.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Platform.Validation;

/// <summary>The <see cref="InputRules"/> applied to what an API operation received, before the handler runs: every
/// text of its JSON or form body (nested records, lists, JSON answers) and its route and query text, and every date of
/// the body. A refusal is the same 400 validation problem a module's own check gives (errors keyed by the camelCase
/// path, 「sections[0].title」), so nothing reaches a service, nor the database. Modules still apply the rules in their
/// own validation (<c>StepTracker</c>, <c>SystemFacts.Validate</c> …) so that their pages refuse the same input.</summary>
public static class InputRulesFilter
{
    /// <summary>No field of any form needs more: a longer text (a 1 MB note) is refused rather than stored.</summary>
    public const int MaxTextLength = 100_000;
    public const string TooLongMessage = "入力が長すぎます（1項目10万文字まで）。";

    private const int MaxDepth = 10, MaxErrors = 20;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesOf = new();

    /// <summary>Adds the check to every endpoint of <paramref name="builder"/> (the /api/v1 groups).</summary>
    public static TBuilder WithInputRules<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(Create);

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var checkedArguments = context.MethodInfo.GetParameters()
            .Select((p, i) => (Parameter: p, Index: i))
            .Where(p => IsInput(p.Parameter, services))
            .Select(p => (p.Index, Name: p.Parameter.ParameterType == typeof(string) ? Camel(p.Parameter.Name ?? "") : ""))
            .ToArray();
        if (checkedArguments.Length == 0) return next;
        return async invocation =>
        {
            var errors = new Dictionary<string, string[]>();
            foreach (var (index, name) in checkedArguments)
                if (index < invocation.Arguments.Count) Walk(invocation.Arguments[index], name, errors, 0);
            return errors.Count > 0 ? Problems.Invalid(errors) : await next(invocation);
        };
    }

    /// <summary>What the caller sent: route and query text, and the body (a module's own record, JSON) — not the services,
    /// the user or the cancellation token a handler also takes.</summary>
    private static bool IsInput(ParameterInfo parameter, IServiceProviderIsService? services)
    {
        if (parameter.GetCustomAttribute<FromServicesAttribute>() is not null || parameter.GetCustomAttribute<FromKeyedServicesAttribute>() is not null)
            return false;
        if (parameter.GetCustomAttribute<FromBodyAttribute>() is not null || parameter.GetCustomAttribute<FromFormAttribute>() is not null) return true;
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (type == typeof(string) || type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type)) return true;
        return type.Namespace?.StartsWith("DxCollab", StringComparison.Ordinal) == true && !type.IsEnum && services?.IsService(type) != true;
    }

    /// <summary>The refusals for one value and everything in it, keyed by path.</summary>
    public static Dictionary<string, string[]> Check(object? value)
    {
        var errors = new Dictionary<string, string[]>();
        Walk(value, "", errors, 0);
        return errors;
    }

    private static void Walk(object? value, string path, Dictionary<string, string[]> errors, int depth)
    {
        if (value is null || depth > MaxDepth || errors.Count >= MaxErrors) return;
        switch (value)
        {
            case string text:
                Add(errors, path, text.Length > MaxTextLength ? TooLongMessage : InputRules.TextError(text));
                return;
            case DateOnly date:
                Add(errors, path, InputRules.DateError(date));
                return;
            case DateTime instant:
                Add(errors, path, InputRules.DateError(instant));
                return;
            case DateTimeOffset instant:
                Add(errors, path, InputRules.DateError(instant));
                return;
            case JsonElement element:
                WalkJson(element, path, errors, depth);
                return;
            case JsonNode node:
                WalkJson(JsonSerializer.SerializeToElement(node), path, errors, depth);
                return;
            case IFormFile or IFormFileCollection or Stream:
                return; // file contents are the upload policy's concern
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                    Walk(key, Join(path, key), errors, depth + 1);
                    Walk(entry.Value, Join(path, key), errors, depth + 1);
                }
                return;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items) Walk(item, $"{path}[{i++}]", errors, depth + 1);
                return;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("DxCollab", StringComparison.Ordinal) != true) return;
        foreach (var property in PropertiesOf.GetOrAdd(type, Readable))
        {
            object? member;
            try
            {
                member = property.GetValue(value);
            }
            catch (TargetInvocationException)
            {
                continue; // a getter that cannot cope with what was sent ([null] items): the module's validation says so
            }
            Walk(member, property.IsDefined(typeof(InputRootAttribute)) ? path : Join(path, Camel(property.Name)), errors, depth + 1);
        }
    }

    private static void WalkJson(JsonElement element, string path, Dictionary<string, string[]> errors, int depth)
    {
        if (depth > MaxDepth || errors.Count >= MaxErrors) return;
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                Walk(element.GetString(), path, errors, depth);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Name, Join(path, property.Name), errors, depth + 1);
                    WalkJson(property.Value, Join(path, property.Name), errors, depth + 1);
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray()) WalkJson(item, $"{path}[{i++}]", errors, depth + 1);
                break;
        }
    }

    /// <summary>The members a request sets (public with a setter or init; computed ones are derived from them), except
    /// secrets (a password may contain any character the user likes).</summary>
    private static PropertyInfo[] Readable(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0
                && !p.Name.Contains("Password", StringComparison.OrdinalIgnoreCase))];

    private static void Add(Dictionary<string, string[]> errors, string path, string? message)
    {
        if (message is null) return;
        var key = path.Length == 0 ? "body" : path;
        if (!errors.ContainsKey(key)) errors[key] = [message];
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Camel(string name) => name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>Marks the property of a binding wrapper that holds the body as sent, so refusals name its members
/// (「note」, not 「values.note」).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputRootAttribute : Attribute;
