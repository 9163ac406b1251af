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
}
