using DxCollab.Platform.Results;

namespace DxCollab.Platform.Files;

/// <summary>The result of checking one upload: the file, or why it was refused (in Japanese, naming the file).</summary>
public sealed record FileCheck(CheckedFile? File, FileRefusal Refusal, string? Message)
{
    public bool Accepted => Refusal == FileRefusal.None;

    /// <summary>The refusal as an outcome naming <paramref name="field"/>: 413 when too large, 503 when the scanner could
    /// not be reached, else 400.</summary>
    public Outcome<T> ToOutcome<T>(string field) => Refusal switch
    {
        FileRefusal.TooLarge => Outcome<T>.TooLarge(field, Message ?? ""),
        FileRefusal.ScanUnavailable => Outcome<T>.Fail(OutcomeKind.Unavailable, field, Message ?? ""),
        _ => Outcome<T>.Invalid(field, Message ?? ""),
    };
}
