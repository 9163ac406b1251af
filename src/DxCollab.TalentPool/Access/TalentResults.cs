using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DxCollab.TalentPool.Access;

/// <summary>The module's name for the platform's <see cref="OutcomeResults"/> (kept so the endpoints read alike).</summary>
public static class TalentResults
{
    public static Results<Ok<T>, ProblemHttpResult> Answer<T>(Outcome<T> outcome) => OutcomeResults.Answer(outcome);

    public static Results<Created<T>, ProblemHttpResult> Created<T>(Outcome<T> outcome, Func<T, string> location) =>
        OutcomeResults.Created(outcome, location);
}
