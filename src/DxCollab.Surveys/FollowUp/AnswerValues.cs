using System.Globalization;
using System.Text;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.FollowUp;

/// <summary>Reading answers as the follow-up needs them: numbers typed with full-width digits or thousands separators
/// count as numbers; choice values become their labels.</summary>
public static class AnswerValues
{
    public static bool TryNumber(string? typed, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(typed)) return false;
        var text = typed.Normalize(NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal).Trim();
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }

    public static bool IsNumeric(this QuestionType type) => type is QuestionType.Integer or QuestionType.Decimal;

    public static string Label(this Question question, string value) =>
        value == Answer.OtherValue ? "その他" : question.Options.FirstOrDefault(o => o.Value == value)?.Label ?? value;

    public static string? YesNoLabel(string? value) => value switch { "yes" => "はい", "no" => "いいえ", _ => value };
}
