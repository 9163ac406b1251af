using System.Text.Json;
using System.Text.Json.Nodes;
using DxCollab.Platform.Validation;
using Microsoft.AspNetCore.Http;

namespace DxCollab.Standardization.Api;

/// <summary>The body of PUT and PATCH …/steps/{stepNo} with the members it actually had: PUT replaces the whole step,
/// so a member left out is refused (not silently cleared); PATCH leaves it unchanged. A member sent as null clears it.</summary>
public sealed class StepBody
{
    public static readonly string[] Members = ["status", "plannedDate", "actualDate", "note"];

    [InputRoot] public required StepUpdateRequest Values { get; init; }
    [InputRoot] public required IReadOnlySet<string> Present { get; init; }

    public bool Has(string member) => Present.Contains(member);

    /// <summary>Binds from the JSON body; unreadable JSON or a wrong type is the same 400 as any other body.</summary>
    public static async ValueTask<StepBody?> BindAsync(HttpContext http)
    {
        try
        {
            if (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) is not JsonObject json)
                throw new JsonException("The body is not a JSON object.");
            return new StepBody
            {
                Values = json.Deserialize<StepUpdateRequest>(JsonSerializerOptions.Web) ?? new StepUpdateRequest(null, null, null, null),
                Present = json.Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase),
            };
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("Failed to read the step body as JSON.", StatusCodes.Status400BadRequest, e);
        }
    }
}
