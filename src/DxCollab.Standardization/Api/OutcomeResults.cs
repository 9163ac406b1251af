using DxCollab.Standardization.Files;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DxCollab.Standardization.Api;

/// <summary>A refused <see cref="Outcome{T}"/> as the API answers it: 400 (validation problem with field errors), 403,
/// 404, 409 or 413, each with a Japanese title and the reason in detail.</summary>
internal static class OutcomeResults
{
    public static ProblemHttpResult Refusal<T>(Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Invalid => Invalid(outcome.Field ?? "", outcome.Message ?? ""),
        OutcomeKind.TooLarge => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "ファイルが大きすぎます。", detail: outcome.Message),
        OutcomeKind.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "この操作を行う権限がありません。", detail: outcome.Message),
        OutcomeKind.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "今の状態ではこの操作はできません。", detail: outcome.Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "お探しのデータは見つかりません。", detail: outcome.Message),
    };

    /// <summary>A 400 validation problem (errors.{field}), as a ProblemHttpResult so handlers need one refusal type.</summary>
    public static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest, Title = "入力内容に誤りがあります。",
        });
}
