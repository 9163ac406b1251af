using DxCollab.Surveys.Answering;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Pages.Surveys.Shared;

/// <summary>What <c>_QuestionInput</c> draws for one question: the answer to show (as typed), the saved answer when a
/// save was refused as stale (shown beside it), its errors and files, and whether inputs are read-only (preview,
/// locked answer). Other slices reuse the partial read-only.</summary>
public sealed record QuestionInput(SurveyForm Form, Question Question, Answer? Answer, IReadOnlyList<AnswerError> Errors,
    IReadOnlyList<FileItem> Files, bool ReadOnly = false, Answer? Saved = null, string? FileDownloadBase = null, string? Accept = null)
{
    public string Key => Question.Key;
    public string Id => AnswerForm.Id(Question.Key);
    public string HintId => $"{Id}-hint";
    public string ErrorId => $"{Id}-error";
    public bool HasError => Errors.Count > 0;

    /// <summary>「「生成AIを利用していますか」が「はい」のときに回答」 for a conditional question, else null.</summary>
    public string? ConditionText
    {
        get
        {
            if (Question.ShowIf is not { } condition || Form.Find(condition.QuestionKey) is not { } source) return null;
            var values = condition.AnyOf.Select(v => source.Type == QuestionType.YesNo ? AnswerText.YesNo(v)
                : source.Options.FirstOrDefault(o => o.Value == v)?.Label ?? v);
            return $"「{source.Text}」が「{string.Join("」か「", values)}」のときに回答してください。";
        }
    }

    public string? DescribedBy => string.Join(" ", new[] { HasError ? ErrorId : null, HintId }.Where(x => x is not null));

    public bool IsChosen(string value) => Answer?.Value == value || Answer?.Choices?.Contains(value) == true;

    public string? CellValue(string row, string column) => Answer?.Cells?.GetValueOrDefault(row)?.GetValueOrDefault(column);

    public bool CellHasError(string row, string column) => Errors.Any(e => e.RowKey == row && e.ColumnKey == column);

    /// <summary>The saved answer differs from the typed one (after a stale save): both are shown.</summary>
    public bool Differs => Saved is not null && AnswerText.Of(Question, Saved, Files) != AnswerText.Of(Question, Answer, Files);
}
