using System.Text.RegularExpressions;
using DxCollab.Platform.Results;
using DxCollab.Platform.Validation;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Relay;

/// <summary>What a relayed form must satisfy: keys that are stable identifiers and unique across the national and the
/// prefecture's own sections (the national result follows keys), a text per question, options for choice questions.</summary>
public static partial class NationalFormRules
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,50}$")]
    private static partial Regex KeyPattern();

    /// <summary>Null when the sections are acceptable, otherwise the refusal naming <paramref name="field"/>.</summary>
    public static Outcome<bool>? Check(IReadOnlyList<FormSection> sections, string field, IReadOnlySet<string>? takenKeys = null)
    {
        var seen = new HashSet<string>(takenKeys ?? new HashSet<string>(), StringComparer.Ordinal);
        foreach (var section in sections)
        {
            if (!InputRules.HasVisibleText(section.Title)) return Outcome<bool>.Invalid(field, "設問のまとまり（大問）の見出しを入力してください。");
            if (InputRefusals.Text<bool>(field, section.Title) is { } badTitle) return badTitle;
            if (!KeyPattern().IsMatch(section.Key ?? "") || !seen.Add("section:" + section.Key))
                return Outcome<bool>.Invalid(field, $"大問「{section.Title}」のキーは半角英数字・-・_ の 50 文字以内で、ほかと重ならないものにしてください。");
            if (section.Questions.Count == 0) return Outcome<bool>.Invalid(field, $"大問「{section.Title}」に設問がありません。");
            foreach (var question in section.Questions)
            {
                if (!InputRules.HasVisibleText(question.Text)) return Outcome<bool>.Invalid(field, $"大問「{section.Title}」に設問文のない設問があります。");
                var typed = new[] { question.Text, question.Help, question.Unit }.Concat(question.Options.Select(o => o.Label))
                    .Select(t => InputRefusals.Text<bool>(field, t)).FirstOrDefault(r => r is not null);
                if (typed is not null) return typed;
                if (!KeyPattern().IsMatch(question.Key ?? "") || !seen.Add(question.Key!))
                    return Outcome<bool>.Invalid(field, $"設問「{question.Text}」のキー「{question.Key}」は半角英数字・-・_ の 50 文字以内で、ほかの設問（全国の設問を含む）と重ならないものにしてください。");
                if (!Enum.IsDefined(question.Type)) return Outcome<bool>.Invalid(field, $"設問「{question.Text}」の種類が正しくありません。");
                if (question.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice && question.Options.Count == 0)
                    return Outcome<bool>.Invalid(field, $"設問「{question.Text}」（{question.Type.ToJapanese()}）に選択肢がありません。");
            }
        }
        return null;
    }
}
