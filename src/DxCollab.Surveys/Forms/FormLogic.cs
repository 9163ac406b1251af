namespace DxCollab.Surveys.Forms;

/// <summary>Conditional display (show B only if A = x): a hidden question is neither required nor aggregated, but
/// keeps its export columns (empty) so a spreadsheet's layout never depends on the answers.</summary>
public static class FormLogic
{
    public static bool IsVisible(this SurveyForm form, Question question, AnswerSet answers, int depth = 0)
    {
        if (question.ShowIf is not { } condition) return true;
        // A chain longer than the form (a cycle the builder failed to refuse) is treated as hidden, never as a hang.
        // (Counted per section: the export asks this for every conditional question of 1,741 rows.)
        if (depth > form.Sections.Sum(s => s.Questions.Count)) return false;
        var source = form.Find(condition.QuestionKey);
        if (source is null || !form.IsVisible(source, answers, depth + 1)) return false;
        var answer = answers[condition.QuestionKey];
        if (answer is null) return false;
        if (answer.Choices is { Count: > 0 } chosen) return chosen.Any(condition.AnyOf.Contains);
        return answer.Value is { } value && condition.AnyOf.Contains(value.Trim());
    }
}
