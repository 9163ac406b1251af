namespace DxCollab.Standardization.Files;

/// <summary>How an evidence or inquiry operation ended; the API turns it into a status code and ProblemDetails, the
/// pages into a message next to the form.</summary>
public enum OutcomeKind { Ok, NotFound, Forbidden, Invalid, TooLarge, Conflict }

public sealed record Outcome<T>(OutcomeKind Kind, T? Value = default, string? Field = null, string? Message = null)
{
    public bool Succeeded => Kind == OutcomeKind.Ok;
    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value);
    public static Outcome<T> Fail(OutcomeKind kind, string? field, string message) => new(kind, default, field, message);
    public static Outcome<T> NotFound(string message = "見つかりません。") => new(OutcomeKind.NotFound, default, null, message);
    public static Outcome<T> Forbidden(string message) => new(OutcomeKind.Forbidden, default, null, message);
    public static Outcome<T> From(FileCheck check, string field) =>
        new(check.Refusal == FileRefusal.TooLarge ? OutcomeKind.TooLarge : OutcomeKind.Invalid, default, field, check.Message);
}
