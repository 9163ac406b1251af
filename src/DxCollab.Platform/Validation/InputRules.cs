namespace DxCollab.Platform.Validation;

/// <summary>The one set of rules every module applies to what users and integrations type in, so a page and the API
/// refuse the same input with the same message:
/// <list type="bullet">
/// <item>dates (planned, actual, deadline, go-live …) between <see cref="EarliestDate"/> and <see cref="LatestDate"/> —
/// 2000-01-01 (平成12年) is before any DX or 標準化 work this product tracks, 2100-12-31 is beyond any plan; outside
/// that range a date is a typo (9999-12-31, 0001-01-01) that would distort every chart and reminder;</item>
/// <item>text without NUL or other C0 control characters (tab, CR and LF are fine) and without bidi overrides
/// (U+202A–U+202E, U+2066–U+2069), which can make a note read differently from what is stored;</item>
/// <item>required text with something visible once white space and invisible characters (U+200B–U+200D, U+2060,
/// U+FEFF, U+180E, U+00AD) are removed; optional text made only of invisible characters is refused too.</item>
/// </list></summary>
public static class InputRules
{
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public const string DateRangeMessage = "日付は2000年1月1日から2100年12月31日までの範囲で入力してください。";
    public const string ControlCharacterMessage = "使用できない制御文字（NUL など）が含まれています。取り除いてから入力してください。";
    public const string BidiMessage = "文字の表示方向を変える制御文字（U+202A〜U+202E、U+2066〜U+2069）は使用できません。";
    public const string InvisibleOnlyMessage = "目に見えない文字だけの入力はできません。文字を入力してください。";

    public static bool IsInRange(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    /// <summary>The refusal for a date outside the sane range, or null (a missing date is the caller's concern).</summary>
    public static string? DateError(DateOnly? date) => date is { } d && !IsInRange(d) ? DateRangeMessage : null;

    /// <summary>The same for an instant, judged by its calendar day.</summary>
    public static string? DateError(DateTime? instant) => instant is { } i ? DateError(DateOnly.FromDateTime(i)) : null;

    public static string? DateError(DateTimeOffset? instant) => instant is { } i ? DateError(DateOnly.FromDateTime(i.UtcDateTime)) : null;

    /// <summary>The refusal for text with forbidden characters, or — when <paramref name="requiredMessage"/> is given —
    /// text with nothing visible (the caller's own 「件名を入力してください。」). Null when the text is acceptable.</summary>
    public static string? TextError(string? text, string? requiredMessage = null)
    {
        if (string.IsNullOrEmpty(text)) return requiredMessage;
        bool visible = false, invisible = false;
        foreach (var c in text)
        {
            if (IsForbiddenControl(c)) return ControlCharacterMessage;
            if (IsBidiOverride(c)) return BidiMessage;
            if (IsInvisible(c)) invisible = true;
            else if (!char.IsWhiteSpace(c)) visible = true;
        }
        if (visible) return null;
        return requiredMessage ?? (invisible ? InvisibleOnlyMessage : null);
    }

    /// <summary>Whether the text shows anything once white space and invisible characters are removed.</summary>
    public static bool HasVisibleText(string? text) => text is not null && text.Any(c => !char.IsWhiteSpace(c) && !IsInvisible(c) && !IsForbiddenControl(c));

    /// <summary>Adds the refusals of <see cref="TextError"/> for each (field, text) to <paramref name="errors"/>.</summary>
    public static Dictionary<string, string[]> CheckText(this Dictionary<string, string[]> errors, string field, string? text, string? requiredMessage = null)
    {
        if (!errors.ContainsKey(field) && TextError(text, requiredMessage) is { } message) errors[field] = [message];
        return errors;
    }

    public static Dictionary<string, string[]> CheckDate(this Dictionary<string, string[]> errors, string field, DateOnly? date)
    {
        if (!errors.ContainsKey(field) && DateError(date) is { } message) errors[field] = [message];
        return errors;
    }

    public static bool IsForbiddenControl(char c) => c is not ('\t' or '\r' or '\n') && (c < '\u0020' || c == '\u007F');

    public static bool IsBidiOverride(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    public static bool IsInvisible(char c) => c is >= '\u200B' and <= '\u200D' or '\u2060' or '\uFEFF' or '\u180E' or '\u00AD';
}
