using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Answering;

/// <summary>One respondent's answer as a table (xlsx or CSV): one row per question, a table question one row per cell,
/// in the form's order; a question hidden by conditional display is listed with an empty answer.</summary>
public static class AnswerDownload
{
    public static readonly string[] Headers = ["セクション", "設問キー", "設問", "行", "列", "回答"];

    public static IEnumerable<IReadOnlyList<object?>> Rows(ResponseView view)
    {
        foreach (var section in view.Form.Sections)
            foreach (var q in section.Questions)
            {
                var visible = view.Form.IsVisible(q, view.Answers);
                var answer = visible ? view.Answers[q.Key] : null;
                if (q.Type != QuestionType.Table)
                {
                    yield return [section.Title, q.Key, q.Text, null, null, AnswerText.Of(q, answer, view.Files)];
                    continue;
                }
                foreach (var row in q.Rows)
                    foreach (var column in q.Columns)
                        yield return [section.Title, q.Key, q.Text, row.Label, column.Label,
                            AnswerText.Cell(column, answer?.Cells?.GetValueOrDefault(row.Key)?.GetValueOrDefault(column.Key))];
            }
    }

    /// <summary>「照会42_272035_回答.xlsx」</summary>
    public static string FileName(ResponseView view, string extension) => $"照会{view.SurveyId}_{view.RespondentCode}_回答.{extension}";
}
