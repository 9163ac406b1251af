using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;

namespace DxCollab.TalentPool.Requests;

/// <summary>One thing wrong with a request's intake: the field (<c>intake.{questionKey}</c> for an answer) and what to fix.</summary>
public sealed record IntakeError(string Field, string Message);

/// <summary>What a request must say before it is accepted, checked in one place for the API and the guided pages. All
/// errors are reported at once, each naming the question or field in the officer's words.</summary>
public static class IntakeRules
{
    public const int MaxTitle = 200, MaxDescription = 4000, MaxAnswer = 1000;

    /// <summary>How far ahead a preferred period may reach (a request is for support soon, not in three years).</summary>
    public const int MaxYearsAhead = 2;

    public static IReadOnlyList<IntakeError> Check(RequestInput input, DateOnly todayInTokyo)
    {
        var errors = new List<IntakeError>();
        var themeKey = input.ThemeKey?.Trim();
        var theme = ThemeCatalog.Find(themeKey);
        if (!string.IsNullOrEmpty(themeKey) && theme is null)
            errors.Add(new("themeKey", $"テーマ「{themeKey}」はありません。テーマを選び直してください。"));
        if (theme is not null) CheckAnswers(theme, input.Intake, errors);
        else if (string.IsNullOrEmpty(themeKey))
        {
            // 「相談したい」: the free text is the whole request (and the thread's first message).
            if (!InputRules.HasVisibleText(input.Title)) errors.Add(new("title", "相談の件名を入力してください。"));
            if (!InputRules.HasVisibleText(input.Description)) errors.Add(new("description", "相談したい内容を書いてください（分かる範囲で構いません）。"));
            if (input.Intake is { Count: > 0 }) errors.Add(new("intake", "「相談したい」にはテーマの質問がありません。テーマを選ぶか、内容に書いてください。"));
        }
        // The shared rules (NUL, bidi overrides, invisible-only text), for the guided pages and the API alike.
        Typed("title", input.Title, errors);
        Typed("description", input.Description, errors);
        foreach (var (key, answer) in input.Intake ?? new Dictionary<string, string>()) Typed($"intake.{key}", answer, errors);
        if (input.Title?.Trim().Length > MaxTitle) errors.Add(new("title", $"件名は {MaxTitle} 文字以内にしてください。"));
        if (input.Description?.Trim().Length > MaxDescription) errors.Add(new("description", $"内容は {MaxDescription} 文字以内にしてください。"));
        if (input.Urgency is { } urgency && !Enum.IsDefined(urgency)) errors.Add(new("urgency", "急ぎ具合を選んでください。"));
        if (input.Mode is { } mode && !Enum.IsDefined(mode)) errors.Add(new("mode", "支援の受け方（訪問・オンライン）を選んでください。"));
        CheckPeriod(input.PreferredFrom, input.PreferredTo, todayInTokyo, errors);
        return errors;
    }

    private static void Typed(string field, string? text, List<IntakeError> errors)
    {
        if (errors.All(e => e.Field != field) && InputRules.TextError(text) is { } message) errors.Add(new(field, message));
    }

    private static void CheckAnswers(SupportTheme theme, IReadOnlyDictionary<string, string>? intake, List<IntakeError> errors)
    {
        foreach (var question in theme.Questions)
        {
            var answer = intake?.GetValueOrDefault(question.Key)?.Trim() ?? "";
            var field = $"intake.{question.Key}";
            if (answer.Length == 0)
            {
                if (question.Required)
                    errors.Add(new(field, question.Options is null ? $"「{question.Text}」に答えてください。" : $"「{question.Text}」の答えを選んでください。"));
            }
            else if (question.Options is { } options && !options.Contains(answer))
                errors.Add(new(field, $"「{question.Text}」の答えは、{string.Join("、", options.Select(o => $"「{o}」"))}から選んでください。"));
            else if (answer.Length > MaxAnswer)
                errors.Add(new(field, $"「{question.Text}」の答えは {MaxAnswer} 文字以内にしてください。"));
        }
        foreach (var key in intake?.Keys ?? [])
            if (theme.Questions.All(q => q.Key != key))
                errors.Add(new("intake", $"テーマ「{theme.Title}」にない質問（{key}）への答えが含まれています。"));
    }

    private static void CheckPeriod(DateOnly? from, DateOnly? to, DateOnly today, List<IntakeError> errors)
    {
        var latest = today.AddYears(MaxYearsAhead);
        if (InputRules.DateError(from) is { } fromError) errors.Add(new("preferredFrom", fromError));
        if (InputRules.DateError(to) is { } toError) errors.Add(new("preferredTo", toError));
        if (errors.Any(e => e.Field is "preferredFrom" or "preferredTo")) return;
        if (from < today)
            errors.Add(new("preferredFrom", $"希望する期間の始まりは今日（{JapaneseCalendar.Format(today)}）以降の日付にしてください。"));
        else if (from > latest)
            errors.Add(new("preferredFrom", $"希望する期間の始まりは {MaxYearsAhead} 年以内（{JapaneseCalendar.Format(latest)}まで）にしてください。"));
        if (to is { } end)
        {
            if (from is { } start && end < start)
                errors.Add(new("preferredTo", "希望する期間の終わりは始まり以降の日付にしてください。"));
            else if (end < today)
                errors.Add(new("preferredTo", $"希望する期間の終わりは今日（{JapaneseCalendar.Format(today)}）以降の日付にしてください。"));
            else if (end > latest)
                errors.Add(new("preferredTo", $"希望する期間の終わりは {MaxYearsAhead} 年以内（{JapaneseCalendar.Format(latest)}まで）にしてください。"));
        }
    }
}
