using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DxCollab.Surveys.Forms;

/// <summary>Reads answers kept as typed: numbers with full-width digits or thousands commas (「１，２００」), dates as
/// yyyy-MM-dd, yyyy/M/d or in 和暦 (「令和8年4月1日」「R8.4.1」). Validation, pages, results and exports share these readings.</summary>
public static partial class AnswerValues
{
    /// <summary>NFKC (full-width digits, signs and letters become ASCII), without spaces or thousands separators.</summary>
    public static string Normalize(string text) =>
        text.Normalize(NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal).Replace("、", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal).Replace("−", "-", StringComparison.Ordinal).Trim();

    public static bool TryParseInteger(string? text, out long value)
    {
        value = 0;
        return !string.IsNullOrWhiteSpace(text)
            && long.TryParse(Normalize(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseDecimal(string? text, out decimal value)
    {
        value = 0;
        return !string.IsNullOrWhiteSpace(text)
            && decimal.TryParse(Normalize(text), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseDate(string? text, out DateOnly value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var normalized = Normalize(text);
        if (DateOnly.TryParseExact(normalized, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyy年M月d日"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out value))
            return true;
        var match = Wareki().Match(normalized);
        if (!match.Success) return false;
        var yearText = match.Groups["year"].Value;
        // Within its era only: 平成31年5月1日 or 令和元年4月30日 never happened (JapaneseEras).
        return Platform.Validation.JapaneseEras.TryCompose(match.Groups["era"].Value,
            yearText == "元" ? 1 : int.Parse(yearText, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture), out value);
    }

    [GeneratedRegex(@"^(?<era>令和|平成|昭和|[RHSrhs])(?<year>元|\d{1,2})[年./-](?<month>\d{1,2})[月./-](?<day>\d{1,2})日?$")]
    private static partial Regex Wareki();

    /// <summary>Characters as a person counts them (a surrogate pair or 異体字 sequence is one).</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>A number for people: 「1,200」 (no trailing zeros of a decimal).</summary>
    public static string Format(decimal value) => value.ToString("#,0.############", CultureInfo.InvariantCulture);

    public static bool IsNumeric(this QuestionType type) => type is QuestionType.Integer or QuestionType.Decimal;

    /// <summary>The label of a choice value (「その他」 for the other value; the value itself when no longer offered).</summary>
    public static string Label(this Question question, string value) =>
        value == Answer.OtherValue ? "その他" : question.Options.FirstOrDefault(o => o.Value == value)?.Label ?? value;
}
