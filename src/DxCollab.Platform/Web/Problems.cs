using DxCollab.Platform.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DxCollab.Platform.Web;

/// <summary>The API's refusals, each with a Japanese title and the reason in detail: 400 is a validation problem whose
/// errors name the field, so a client can put the message next to the input. One type (<see cref="ProblemHttpResult"/>)
/// for every refusal, so a handler's result union stays <c>Results&lt;Ok&lt;T&gt;, ProblemHttpResult&gt;</c>.</summary>
public static class Problems
{
    public const string InvalidTitle = "入力内容に誤りがあります。";

    /// <summary>400 with <c>errors.{field} = [message]</c>; the message names the field in Japanese (「件名を入力してください。」).</summary>
    public static ProblemHttpResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>400 with several fields or messages at once; <paramref name="title"/> when the whole input was refused
    /// for one reason (「ファイルを読み取れませんでした。」).</summary>
    public static ProblemHttpResult Invalid(IEnumerable<KeyValuePair<string, string[]>> errors, string title = InvalidTitle, string? detail = null) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = title, Detail = detail });

    /// <summary>The refusal with one more member in its JSON, for what the client needs to recover (a stale save's
    /// current draft).</summary>
    public static ProblemHttpResult With(this ProblemHttpResult problem, string name, object? value)
    {
        problem.ProblemDetails.Extensions[name] = value;
        return problem;
    }

    public static ProblemHttpResult Forbidden(string? detail = null, string title = "この操作を行う権限がありません。") =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title, detail: detail);

    public static ProblemHttpResult NotFound(string? detail = null, string title = "お探しのデータは見つかりません。") =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static ProblemHttpResult Conflict(string? detail = null, string title = "今の状態ではこの操作はできません。") =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ProblemHttpResult TooLarge(string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "ファイルが大きすぎます。", detail: detail);

    /// <summary>A refused <see cref="Outcome{T}"/> as the API answers it.</summary>
    public static ProblemHttpResult Refusal<T>(Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Invalid => Invalid(outcome.Field ?? "", outcome.Message ?? ""),
        OutcomeKind.TooLarge => TooLarge(outcome.Message),
        OutcomeKind.Forbidden => Forbidden(outcome.Message),
        OutcomeKind.Conflict => Conflict(outcome.Message),
        OutcomeKind.NotFound => NotFound(outcome.Message),
        OutcomeKind.Unavailable => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "一時的に処理できません。しばらくしてからお試しください。", detail: outcome.Message),
        _ => throw new InvalidOperationException("A successful outcome is not a refusal."),
    };
}
