using DxCollab.Platform.Validation;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Answering;

/// <summary>The rule an answer broke, for tests and clients that act on the kind rather than the words.</summary>
public enum AnswerRule { Required, Format, Range, Length, Choice, Other, Files, Confirmation }

/// <summary>One problem of one answer. <see cref="Field"/> is the key clients and pages put the message beside:
/// the question key, or <c>key.row.column</c> for a table cell. <see cref="Message"/> names the question (its text and
/// key) and the rule, in Japanese.</summary>
public sealed record AnswerError(string QuestionKey, AnswerRule Rule, string Message, string? RowKey = null, string? ColumnKey = null)
{
    public string Field => RowKey is null ? QuestionKey : $"{QuestionKey}.{RowKey}.{ColumnKey}";
}

/// <summary>Checks answers against the form. A draft is checked too (its errors are shown, the values kept as typed),
/// but only a submission needs every required answer and every prefilled answer confirmed. A question hidden by
/// conditional display is not checked at all: what it holds is not part of the answer.</summary>
public static class AnswerValidator
{
    public const int ShortTextDefaultMax = 200;
    public const int LongTextDefaultMax = 4000;
    /// <summary>Files one file question holds.</summary>
    public const int MaxFilesPerQuestion = 5;

    public static IReadOnlyList<AnswerError> Validate(SurveyForm form, AnswerSet answers, bool forSubmit)
    {
        var errors = new List<AnswerError>();
        foreach (var question in form.Questions)
        {
            if (!form.IsVisible(question, answers)) continue;
            var answer = answers[question.Key];
            var name = Name(question);
            if (answer is null || answer.IsEmpty)
            {
                if (forSubmit && question.Required)
                    errors.Add(new(question.Key, AnswerRule.Required, $"{name}は回答が必須です。"));
                continue;
            }
            errors.AddRange(Check(question, answer, name, forSubmit));
            if (forSubmit && answer.AwaitsConfirmation)
                errors.Add(new(question.Key, AnswerRule.Confirmation, $"{name}は前回の回答などから入力された値です。内容を確かめて「確認」を押してください。"));
        }
        return errors;
    }

    /// <summary>What the respondent typed (the answer, その他, a choice, a table cell) under the shared
    /// <see cref="InputRules"/>: NUL and other control characters, bidi overrides, text of invisible characters only.
    /// Unlike a missing or out-of-range answer, such text is never kept in a draft: the save is refused.</summary>
    public static IEnumerable<AnswerError> TypedText(Question q, Answer a)
    {
        var name = Name(q);
        if (new[] { a.Value, a.Other }.Concat(a.Choices ?? []).Select(t => InputRules.TextError(t)).FirstOrDefault(m => m is not null) is { } message)
            yield return new(q.Key, AnswerRule.Format, $"{name}：{message}");
        foreach (var (row, cells) in a.Cells ?? [])
            foreach (var (column, value) in cells ?? [])
                if (InputRules.TextError(value) is { } cellMessage)
                    yield return new(q.Key, AnswerRule.Format, $"{name}の「{row}」×「{column}」：{cellMessage}", row, column);
    }

    /// <summary>「問 “職員数”（staff）」: how a message names its question.</summary>
    public static string Name(Question question) => $"「{question.Text}」（{question.Key}）";

    private static IEnumerable<AnswerError> Check(Question q, Answer a, string name, bool forSubmit)
    {
        switch (q.Type)
        {
            case QuestionType.ShortText:
            case QuestionType.LongText:
                var max = q.MaxLength ?? (q.Type == QuestionType.ShortText ? ShortTextDefaultMax : LongTextDefaultMax);
                if (a.Value is { } text && AnswerValues.Length(text) > max)
                    yield return new(q.Key, AnswerRule.Length, $"{name}は{max:#,0}文字以内で入力してください（いま{AnswerValues.Length(text):#,0}文字）。");
                break;
            case QuestionType.Integer:
            case QuestionType.Decimal:
                if (Number(q.Key, name, q.Type, a.Value, q.Min, q.Max, q.Unit) is { } numberError) yield return numberError;
                break;
            case QuestionType.Date:
                if (!AnswerValues.TryParseDate(a.Value, out _))
                    yield return new(q.Key, AnswerRule.Format, $"{name}は日付（例: 2026-04-01 または 令和8年4月1日）で入力してください。");
                break;
            case QuestionType.YesNo:
                if (a.Value is not ("yes" or "no"))
                    yield return new(q.Key, AnswerRule.Choice, $"{name}は「はい」か「いいえ」を選んでください。");
                break;
            case QuestionType.SingleChoice:
                foreach (var e in Choices(q, name, string.IsNullOrWhiteSpace(a.Value) ? [] : [a.Value], a.Other)) yield return e;
                break;
            case QuestionType.MultipleChoice:
                foreach (var e in Choices(q, name, a.Choices ?? [], a.Other)) yield return e;
                break;
            case QuestionType.File:
                if (a.FileIds is { Count: > MaxFilesPerQuestion })
                    yield return new(q.Key, AnswerRule.Files, $"{name}に添付できるファイルは{MaxFilesPerQuestion}件までです（いま{a.FileIds.Count}件）。");
                if (forSubmit && q.Required && (a.FileIds is null || a.FileIds.Count == 0))
                    yield return new(q.Key, AnswerRule.Required, $"{name}はファイルの添付が必須です。");
                break;
            case QuestionType.Table:
                foreach (var e in Table(q, a, name, forSubmit)) yield return e;
                break;
        }
    }

    private static AnswerError? Number(string key, string name, QuestionType type, string? value, decimal? min, decimal? max, string? unit,
        string? row = null, string? column = null)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        decimal number;
        if (type == QuestionType.Integer)
        {
            if (!AnswerValues.TryParseInteger(value, out var whole))
                return new(key, AnswerRule.Format, $"{name}は整数で入力してください（「{value}」は整数として読めません）。", row, column);
            number = whole;
        }
        else if (!AnswerValues.TryParseDecimal(value, out number))
            return new(key, AnswerRule.Format, $"{name}は数値で入力してください（「{value}」は数値として読めません）。", row, column);
        var u = unit ?? "";
        if (min is { } low && number < low || max is { } high && number > high)
        {
            var range = (min, max) switch
            {
                ({ } l, { } h) => $"{AnswerValues.Format(l)}{u}から{AnswerValues.Format(h)}{u}まで",
                ({ } l, null) => $"{AnswerValues.Format(l)}{u}以上",
                (null, { } h) => $"{AnswerValues.Format(h)}{u}以下",
                _ => "",
            };
            return new(key, AnswerRule.Range, $"{name}は{range}の値で入力してください。", row, column);
        }
        return null;
    }

    private static IEnumerable<AnswerError> Choices(Question q, string name, IReadOnlyCollection<string> chosen, string? other)
    {
        foreach (var value in chosen)
        {
            if (value == Answer.OtherValue && q.AllowOther) continue;
            if (q.Options.All(o => o.Value != value))
                yield return new(q.Key, AnswerRule.Choice, $"{name}に「{value}」という選択肢はありません。");
        }
        if (chosen.Contains(Answer.OtherValue) && q.AllowOther && string.IsNullOrWhiteSpace(other))
            yield return new(q.Key, AnswerRule.Other, $"{name}で「その他」を選んだときは、その内容を入力してください。");
        if (other is { } otherText && AnswerValues.Length(otherText) > ShortTextDefaultMax)
            yield return new(q.Key, AnswerRule.Length, $"{name}の「その他」は{ShortTextDefaultMax}文字以内で入力してください。");
    }

    private static IEnumerable<AnswerError> Table(Question q, Answer a, string name, bool forSubmit)
    {
        var cells = a.Cells ?? [];
        foreach (var row in q.Rows)
        {
            var rowCells = cells.GetValueOrDefault(row.Key);
            foreach (var column in q.Columns)
            {
                var value = rowCells?.GetValueOrDefault(column.Key);
                var cell = $"{name}の「{row.Label}」×「{column.Label}」";
                if (string.IsNullOrWhiteSpace(value))
                {
                    if (forSubmit && column.Required)
                        yield return new(q.Key, AnswerRule.Required, $"{cell}は入力が必須です。", row.Key, column.Key);
                    continue;
                }
                var error = column.Type switch
                {
                    QuestionType.Integer or QuestionType.Decimal => Number(q.Key, cell, column.Type, value, column.Min, column.Max, column.Unit, row.Key, column.Key),
                    QuestionType.Date when !AnswerValues.TryParseDate(value, out _) =>
                        new AnswerError(q.Key, AnswerRule.Format, $"{cell}は日付（例: 2026-04-01）で入力してください。", row.Key, column.Key),
                    QuestionType.YesNo when value is not ("yes" or "no") =>
                        new AnswerError(q.Key, AnswerRule.Choice, $"{cell}は「はい」か「いいえ」を選んでください。", row.Key, column.Key),
                    QuestionType.SingleChoice when (column.Options ?? []).All(o => o.Value != value) =>
                        new AnswerError(q.Key, AnswerRule.Choice, $"{cell}に「{value}」という選択肢はありません。", row.Key, column.Key),
                    QuestionType.ShortText or QuestionType.LongText when AnswerValues.Length(value) > ShortTextDefaultMax =>
                        new AnswerError(q.Key, AnswerRule.Length, $"{cell}は{ShortTextDefaultMax}文字以内で入力してください。", row.Key, column.Key),
                    _ => null,
                };
                if (error is not null) yield return error;
            }
        }
        foreach (var unknown in cells.Keys.Where(k => q.Rows.All(r => r.Key != k)))
            yield return new(q.Key, AnswerRule.Format, $"{name}に「{unknown}」という行はありません。");
    }
}
