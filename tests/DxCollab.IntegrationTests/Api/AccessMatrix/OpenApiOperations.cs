using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DxCollab.IntegrationTests.Api.AccessMatrix;

/// <summary>One operation of the OpenAPI document: "METHOD /path/{template}", its parameters and request body.</summary>
public sealed record Operation(string Method, string Path, IReadOnlyList<Parameter> Parameters, RequestBody? Body)
{
    public string Key => $"{Method} {Path}";
}

public sealed record Parameter(string Name, string In, bool Required, JsonElement Schema);

/// <summary>A request body as the document describes it: JSON with a schema, or a form (multipart) with fields.</summary>
public sealed record RequestBody(string ContentType, JsonElement Schema);

/// <summary>Reads /openapi/v1.json and makes, for each operation, a request a caller can send: path values from the
/// matrix's rows, required query parameters, and a body of sample values built from the schema so that binding
/// succeeds and authorisation, not validation, decides.</summary>
public sealed partial class OpenApiOperations(JsonElement document)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public IReadOnlyList<Operation> All { get; } = Read(document);

    /// <summary>The document the application serves.</summary>
    public static async Task<OpenApiOperations> FetchAsync(Infrastructure.AppFixture app)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return new OpenApiOperations(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static List<Operation> Read(JsonElement document)
    {
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
            foreach (var method in Methods)
            {
                if (!path.Value.TryGetProperty(method, out var operation)) continue;
                var parameters = shared.Concat(operation.TryGetProperty("parameters", out var own) ? own.EnumerateArray() : [])
                    .Select(x => new Parameter(x.GetProperty("name").GetString()!, x.GetProperty("in").GetString()!,
                        x.TryGetProperty("required", out var r) && r.GetBoolean(), x.TryGetProperty("schema", out var s) ? s : default))
                    .ToList();
                RequestBody? body = null;
                if (operation.TryGetProperty("requestBody", out var rb) && rb.TryGetProperty("content", out var content))
                {
                    var first = content.EnumerateObject().OrderBy(c => c.Name.Contains("json", StringComparison.Ordinal) ? 0 : 1).First();
                    body = new RequestBody(first.Name, first.Value.TryGetProperty("schema", out var schema) ? schema : default);
                }
                operations.Add(new Operation(method.ToUpperInvariant(), path.Name, parameters, body));
            }
        }
        return operations;
    }

    public JsonElement Document => document;

    /// <summary>The path with every {parameter} filled by <paramref name="value"/> (name, segment before it, format).</summary>
    public string FillPath(Operation operation, Func<string, string, string?, string> value)
    {
        var segments = operation.Path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var match = ParameterSegment().Match(segments[i]);
            if (!match.Success) continue;
            var name = match.Groups[1].Value;
            var format = operation.Parameters.FirstOrDefault(p => p.Name == name && p.In == "path")?.Schema is { ValueKind: JsonValueKind.Object } s
                && s.TryGetProperty("format", out var f) ? f.GetString() : null;
            segments[i] = Uri.EscapeDataString(value(name, i > 0 ? segments[i - 1] : "", format));
        }
        var query = operation.Parameters.Where(p => p.In == "query" && p.Required)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(QueryValue(p))}").ToList();
        return string.Join('/', segments) + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    private string QueryValue(Parameter parameter) => parameter.Name switch
    {
        "orgCode" or "organizationCode" or "code" => MatrixRows.Own,
        _ => Sample(parameter.Schema, null, 0)?.ToString() ?? "1",
    };

    /// <summary>A body for the operation: <paramref name="sample"/> when the policy gives one, else sample values of the schema.</summary>
    public HttpContent? Content(Operation operation, object? sample)
    {
        if (operation.Body is not { } body) return null;
        if (body.ContentType.StartsWith("multipart/", StringComparison.Ordinal) || body.ContentType.Contains("form", StringComparison.Ordinal))
        {
            var form = new MultipartFormDataContent();
            var fields = sample as IReadOnlyDictionary<string, string>;
            foreach (var (name, schema) in Properties(Resolve(body.Schema)))
            {
                if (fields is not null && !IsFile(schema))
                {
                    if (fields.TryGetValue(name, out var given)) form.Add(new StringContent(given), name);
                }
                else if (IsFile(schema))
                {
                    var file = new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4\n% matrix\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"));
                    file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                    form.Add(file, name, "資料.pdf");
                }
                else if (Sample(schema, name, 0) is { } value)
                    form.Add(new StringContent(value is JsonValue ? value.ToString() : value.ToJsonString()), name);
            }
            return form;
        }
        var json = sample is not null ? JsonSerializer.Serialize(sample, Web) : (Sample(body.Schema, null, 0)?.ToJsonString() ?? "{}");
        return new StringContent(json, Encoding.UTF8, "application/json");
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private JsonElement Resolve(JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }

    private IEnumerable<(string Name, JsonElement Schema)> Properties(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object) yield break;
        if (schema.TryGetProperty("allOf", out var all))
            foreach (var part in all.EnumerateArray())
                foreach (var property in Properties(Resolve(part))) yield return property;
        if (schema.TryGetProperty("properties", out var properties))
            foreach (var property in properties.EnumerateObject()) yield return (property.Name, Resolve(property.Value));
    }

    private bool IsFile(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object) return false;
        if (schema.TryGetProperty("format", out var format) && format.GetString() == "binary") return true;
        return schema.TryGetProperty("items", out var items) && IsFile(items);
    }

    private static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type)) return null;
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : type.GetString();
    }

    /// <summary>A plausible value: dates a month ahead (Asia/Tokyo), months as yyyy-MM, the first of an enum, 1 for numbers,
    /// 豊中市 for a 団体コード, every property of an object filled.</summary>
    private JsonNode? Sample(JsonElement schema, string? name, int depth)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object || depth > 6) return null;
        if (schema.TryGetProperty("enum", out var values))
            return values.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(v => JsonNode.Parse(v.GetRawText())).FirstOrDefault();
        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
            return oneOf.EnumerateArray().Select(s => Sample(s, name, depth + 1)).FirstOrDefault(n => n is not null);
        var today = Platform.Text.JapaneseCalendar.TodayInTokyo(DateTimeOffset.UtcNow);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var lower = name?.ToLowerInvariant() ?? "";
        switch (TypeOf(schema))
        {
            case "object" or null when schema.TryGetProperty("properties", out _) || schema.TryGetProperty("allOf", out _):
                var obj = new JsonObject();
                foreach (var (property, propertySchema) in Properties(schema))
                    if (!obj.ContainsKey(property)) obj[property] = Sample(propertySchema, property, depth + 1);
                return obj;
            case "object":
                return new JsonObject();
            case "array":
                return schema.TryGetProperty("items", out var items) && Sample(items, name, depth + 1) is { } item && !lower.EndsWith("ids", StringComparison.Ordinal)
                    ? new JsonArray(item) : new JsonArray();
            case "integer":
                return lower.Contains("year", StringComparison.Ordinal) ? JapaneseFiscalYear(today) : 1;
            case "number":
                return 1;
            case "boolean":
                return false;
            case "string":
                if (format == "date") return today.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (format == "date-time") return DateTimeOffset.UtcNow.AddMonths(1).ToString("O", CultureInfo.InvariantCulture);
                if (format == "uuid") return Guid.NewGuid().ToString();
                if (format is "int32" or "int64") return "1";
                if (lower.EndsWith("month", StringComparison.Ordinal)) return today.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
                if (lower.Contains("code", StringComparison.Ordinal)) return MatrixRows.Own;
                if (lower.Contains("email", StringComparison.Ordinal)) return "someone@osaka.example";
                return "マトリクス";
            default:
                return null;
        }
    }

    private static int JapaneseFiscalYear(DateOnly today) => today.Month >= 4 ? today.Year : today.Year - 1;

    [GeneratedRegex(@"^\{([^}:]+)(:[^}]*)?\}$")]
    private static partial Regex ParameterSegment();
}
