using DxCollab.Platform.Results;

namespace DxCollab.Platform.Validation;

/// <summary><see cref="InputRules"/> as the refusal a module's service returns (<see cref="Outcome{T}"/>), so its page
/// and its API show the same message: <c>if (InputRefusals.Text&lt;Survey&gt;("title", title, "件名を入力してください。") is { } r) return r;</c></summary>
public static class InputRefusals
{
    /// <summary>Null when the text is acceptable; otherwise a 400 naming <paramref name="field"/> with the rule's message
    /// (or <paramref name="requiredMessage"/> when required text shows nothing).</summary>
    public static Outcome<T>? Text<T>(string field, string? text, string? requiredMessage = null) =>
        InputRules.TextError(text, requiredMessage) is { } message ? Outcome<T>.Invalid(field, message) : null;

    /// <summary>Null when the date is missing or within <see cref="InputRules.EarliestDate"/>–<see cref="InputRules.LatestDate"/>.</summary>
    public static Outcome<T>? Date<T>(string field, DateOnly? date) =>
        InputRules.DateError(date) is { } message ? Outcome<T>.Invalid(field, message) : null;
}
