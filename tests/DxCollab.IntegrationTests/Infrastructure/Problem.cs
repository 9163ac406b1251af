using System.Net;
using System.Text.Json;

namespace DxCollab.IntegrationTests.Infrastructure;

/// <summary>Assertions on what an API client sees when something goes wrong.</summary>
public static class Problem
{
    /// <summary>Asserts a ProblemDetails response with the status, a Japanese title and a request id; returns the body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        json.GetProperty("status").GetInt32().ShouldBe((int)status);
        var title = json.GetProperty("title").GetString();
        title.ShouldNotBeNullOrWhiteSpace();
        title.ShouldContain(c => c > 0x3000, $"title is not Japanese: {title}");
        json.TryGetProperty("requestId", out var requestId).ShouldBeTrue($"no requestId in {body}");
        requestId.GetString().ShouldNotBeNullOrWhiteSpace();
        return json;
    }

    public static string? Detail(this JsonElement problem) =>
        problem.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;

    /// <summary>The first message for a field of a validation problem (errors.{field}[0]).</summary>
    public static string FieldError(this JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
}
