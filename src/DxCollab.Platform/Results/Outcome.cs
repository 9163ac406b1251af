namespace DxCollab.Platform.Results;

/// <summary>How a module operation ended. The API turns a refusal into ProblemDetails (<see cref="Web.Problems"/>), a
/// page into a message next to its form and the same status code.</summary>
public enum OutcomeKind { Ok, NotFound, Forbidden, Invalid, TooLarge, Conflict, Unavailable }

/// <summary>The result of an operation that may be refused for a reason the user can act on. <see cref="Field"/> names
/// the input at fault (the key of the validation problem's errors); <see cref="Message"/> says what to do, in Japanese.</summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value = default, string? Field = null, string? Message = null)
{
    public bool Succeeded => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value);
    public static Outcome<T> Fail(OutcomeKind kind, string? field, string message) => new(kind, default, field, message);
    /// <summary>Input the user can correct: 400 naming <paramref name="field"/>, e.g. <c>Invalid("title", "件名を入力してください。")</c>.</summary>
    public static Outcome<T> Invalid(string field, string message) => new(OutcomeKind.Invalid, default, field, message);
    public static Outcome<T> TooLarge(string field, string message) => new(OutcomeKind.TooLarge, default, field, message);
    public static Outcome<T> Conflict(string message, string? field = null) => new(OutcomeKind.Conflict, default, field, message);
    public static Outcome<T> NotFound(string message = "見つかりません。") => new(OutcomeKind.NotFound, default, null, message);
    public static Outcome<T> Forbidden(string message) => new(OutcomeKind.Forbidden, default, null, message);

    /// <summary>The same refusal for another result type (a step that failed inside a larger operation).</summary>
    public Outcome<TOther> As<TOther>() => Succeeded
        ? throw new InvalidOperationException("A successful outcome has a value; only a refusal can be passed on.")
        : new(Kind, default, Field, Message);
}

public static class OutcomeKindExtensions
{
    /// <summary>The HTTP status of an outcome, for pages that answer a refused post with the same status as the API.</summary>
    public static int StatusCode(this OutcomeKind kind) => kind switch
    {
        OutcomeKind.Ok => 200,
        OutcomeKind.Invalid => 400,
        OutcomeKind.Forbidden => 403,
        OutcomeKind.NotFound => 404,
        OutcomeKind.Conflict => 409,
        OutcomeKind.TooLarge => 413,
        OutcomeKind.Unavailable => 503,
        _ => 400,
    };
}
