using DxCollab.Platform.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DxCollab.Platform.Web;

/// <summary>An outcome as an API answers it: 200/201 with the value, or the refusal as ProblemDetails (Japanese).</summary>
public static class OutcomeResults
{
    public static Results<Ok<T>, ProblemHttpResult> Answer<T>(Outcome<T> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : Problems.Refusal(outcome);

    public static Results<Created<T>, ProblemHttpResult> Created<T>(Outcome<T> outcome, Func<T, string> location) =>
        outcome.Succeeded ? TypedResults.Created(location(outcome.Value!), outcome.Value) : Problems.Refusal(outcome);
}
