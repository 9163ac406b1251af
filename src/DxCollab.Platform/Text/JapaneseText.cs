using System.Text;

namespace DxCollab.Platform.Text;

/// <summary>Search and matching keys for Japanese text: NFKC (ｶﾅ→カナ, ＫＰＩ→KPI), katakana folded to
/// hiragana, lower case, white space removed. Apply the same fold to the stored text and the query.</summary>
public static class JapaneseText
{
    public static string SearchKey(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c)) continue;
            // カタカナ ァ(U+30A1)…ヶ(U+30F6) → ひらがな ぁ(U+3041)…; ヷ-ヺ and ー stay as they are.
            builder.Append(c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>A title or question as a notice or message quotes it: at most <paramref name="maxLength"/> characters,
    /// a longer text cut with 「…」 (null reads as empty).</summary>
    public static string Shorten(string? text, int maxLength = 60)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text is null) return "";
        return text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";
    }

    /// <summary>Text as a form field is kept: trimmed, control characters other than line breaks and tabs removed (NUL,
    /// bidi overrides), and null when nothing visible remains (empty, blanks, or only zero-width characters such as
    /// U+200B, U+180E, U+FEFF) — so a title of invisible characters is refused as missing.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            if (c is '\n' or '\r' or '\t' || !(char.IsControl(c) || IsBidiControl(c))) builder.Append(c);
        var cleaned = builder.ToString().Trim();
        return cleaned.Any(c => !char.IsWhiteSpace(c) && !IsInvisible(c)) ? cleaned : null;
    }

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';

    private static bool IsInvisible(char c) => c is >= '\u200B' and <= '\u200D' or '\u2060' or '\uFEFF' or '\u180E' or '\u3164' or '\u115F' or '\u1160';
}
