using DxCollab.Surveys.Forms;
using Microsoft.AspNetCore.Http;

namespace DxCollab.Surveys.Answering;

/// <summary>The answer form's field names, shared by the input partial (which writes them) and the page (which reads
/// them back): <c>q.{key}</c> the value, <c>q.{key}.choice</c> the boxes ticked, <c>q.{key}.other</c> 「その他」,
/// <c>q.{key}.cell.{row}.{column}</c> a table cell, <c>q.{key}.file</c> the attached files kept, <c>q.{key}.upload</c> a new file.</summary>
public static class AnswerForm
{
    public static string Value(string key) => $"q.{key}";
    public static string Choice(string key) => $"q.{key}.choice";
    public static string Other(string key) => $"q.{key}.other";
    public static string Cell(string key, string row, string column) => $"q.{key}.cell.{row}.{column}";
    public static string KeptFiles(string key) => $"q.{key}.file";
    public static string FilesShown(string key) => $"q.{key}.files-shown";
    public static string Upload(string key) => $"q.{key}.upload";

    /// <summary>The element id a question's errors link to (its first input).</summary>
    public static string Id(string key) => $"q-{key}";
    public static string CellId(string key, string row, string column) => $"q-{key}-{row}-{column}";
    public static string FieldId(AnswerError error) =>
        error.RowKey is null ? Id(error.QuestionKey) : CellId(error.QuestionKey, error.RowKey, error.ColumnKey ?? "");

    /// <summary>Every question of the form as posted (a question with nothing typed is an empty answer, so clearing a
    /// field is saved too).</summary>
    public static Dictionary<string, Answer> Read(SurveyForm form, IFormCollection posted)
    {
        var answers = new Dictionary<string, Answer>();
        foreach (var q in form.Questions)
        {
            var answer = new Answer();
            switch (q.Type)
            {
                case QuestionType.MultipleChoice:
                    answer.Choices = [.. posted[Choice(q.Key)].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)];
                    answer.Other = Text(posted, Other(q.Key));
                    break;
                case QuestionType.SingleChoice:
                    answer.Value = Text(posted, Value(q.Key));
                    answer.Other = Text(posted, Other(q.Key));
                    break;
                case QuestionType.Table:
                    answer.Cells = q.Rows.ToDictionary(r => r.Key, r => q.Columns.ToDictionary(c => c.Key, c => Text(posted, Cell(q.Key, r.Key, c.Key))));
                    break;
                case QuestionType.File:
                    if (!posted.ContainsKey(FilesShown(q.Key))) continue;
                    answer.FileIds = [.. posted[KeptFiles(q.Key)].Select(v => long.TryParse(v, out var id) ? id : 0).Where(id => id > 0)];
                    break;
                default:
                    answer.Value = Text(posted, Value(q.Key));
                    break;
            }
            answers[q.Key] = answer;
        }
        return answers;
    }

    private static string? Text(IFormCollection posted, string name)
    {
        var value = posted[name].FirstOrDefault();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
