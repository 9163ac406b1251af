using System.Globalization;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Authoring;

/// <summary>A form the builder refuses: <see cref="Field"/> is the question's (or section's) key, so a client can put
/// the message next to it; the message names the question and the rule.</summary>
public sealed record FormProblem(string Field, string Message);

/// <summary>The rules of a survey's form, pure so every rule is unit-tested: keys are issued here (q1, q2 …, s1 …,
/// never reused), a form is checked on its own, and a published form may only grow.</summary>
public static class FormRules
{
    public const int MaxText = 1000, MaxHelp = 2000, MaxTitle = 200, MaxLengthLimit = 4000, MaxOptions = 200;

    private static readonly QuestionType[] ChoiceTypes = [QuestionType.SingleChoice, QuestionType.MultipleChoice];
    private static readonly QuestionType[] NumberTypes = [QuestionType.Integer, QuestionType.Decimal];
    private static readonly QuestionType[] TextTypes = [QuestionType.ShortText, QuestionType.LongText];

    public static string Name(Question q) => $"質問「{q.Key} {JapaneseText.Shorten(q.Text, 30)}」";

    /// <summary>Gives every new section and question (empty key) the next key, and refuses a key the stored form never
    /// had (a client cannot invent or rename keys). The counters move on in <paramref name="proposed"/>.</summary>
    public static FormProblem? AssignKeys(SurveyForm stored, SurveyForm proposed)
    {
        var knownQuestions = stored.Questions.Select(q => q.Key).ToHashSet(StringComparer.Ordinal);
        var knownSections = stored.Sections.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var lastQ = Math.Max(stored.LastQuestionNumber, HighestNumber(stored.Questions.Select(q => q.Key), 'q'));
        var lastS = Math.Max(stored.LastSectionNumber, HighestNumber(stored.Sections.Select(s => s.Key), 's'));
        foreach (var section in proposed.Sections)
        {
            if (string.IsNullOrWhiteSpace(section.Key)) section.Key = $"s{++lastS}";
            else if (!knownSections.Contains(section.Key))
                return new(section.Key, $"セクションのキー「{section.Key}」はこの様式にありません。新しいセクションはキーを空にしてください（キーは自動で付きます）。");
            foreach (var question in section.Questions)
            {
                if (string.IsNullOrWhiteSpace(question.Key)) question.Key = $"q{++lastQ}";
                else if (!knownQuestions.Contains(question.Key))
                    return new(question.Key, $"質問のキー「{question.Key}」はこの様式にありません。新しい質問はキーを空にしてください（キーは自動で付きます）。");
            }
        }
        proposed.LastQuestionNumber = lastQ;
        proposed.LastSectionNumber = lastS;
        return null;
    }

    /// <summary>The form on its own: the first problem found, or null.</summary>
    public static FormProblem? Validate(SurveyForm form)
    {
        var sectionKeys = new HashSet<string>(StringComparer.Ordinal);
        var earlier = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var section in form.Sections)
        {
            if (string.IsNullOrWhiteSpace(section.Key)) return new("sections", "セクションのキーがありません。");
            if (!sectionKeys.Add(section.Key)) return new(section.Key, $"セクションのキー「{section.Key}」が重複しています。");
            if (!InputRules.HasVisibleText(section.Title)) return new(section.Key, $"セクション「{section.Key}」の見出しを入力してください。");
            if (Typed(section.Key, $"セクション「{section.Key}」の見出し", section.Title) is { } titleProblem) return titleProblem;
            if (section.Title.Length > MaxTitle) return new(section.Key, $"セクション「{section.Key}」の見出しは {MaxTitle} 文字以内にしてください。");
            foreach (var question in section.Questions)
            {
                if (string.IsNullOrWhiteSpace(question.Key)) return new(section.Key, "キーのない質問があります。");
                if (earlier.ContainsKey(question.Key)) return new(question.Key, $"質問のキー「{question.Key}」が重複しています。");
                var problem = CheckQuestion(question) ?? CheckCondition(question, earlier);
                if (problem is not null) return problem;
                earlier[question.Key] = question;
            }
        }
        return null;
    }

    /// <summary>After publishing, respondents may already have answered: sections, questions, options, rows and columns
    /// may be added, never removed or changed (a question's type, options, range, condition; optional → required).
    /// Wording (text, help) may be corrected. Returns the first refused change, naming the question.</summary>
    public static FormProblem? CheckAdditive(SurveyForm published, SurveyForm proposed)
    {
        var newSections = proposed.Sections.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var section in published.Sections.Where(s => !newSections.Contains(s.Key)))
            return new(section.Key, $"セクション「{section.Key} {JapaneseText.Shorten(section.Title, 30)}」は公開後に削除できません。");
        foreach (var old in published.Questions)
        {
            var now = proposed.Find(old.Key);
            var name = Name(old);
            if (now is null) return new(old.Key, $"{name}は公開後に削除できません（回答済みの団体があるためです）。");
            if (now.Type != old.Type) return new(old.Key, $"{name}の種類（{old.Type.ToJapanese()}）は公開後に変更できません。");
            foreach (var option in old.Options.Where(o => !now.Options.Contains(o)))
                return new(old.Key, $"{name}の選択肢「{option.Label}」は公開後に削除・変更できません（追加はできます）。");
            if (old.AllowOther && !now.AllowOther) return new(old.Key, $"{name}の「その他」は公開後に外せません。");
            foreach (var row in old.Rows.Where(r => !now.Rows.Contains(r)))
                return new(old.Key, $"{name}の行「{row.Label}」は公開後に削除・変更できません（追加はできます）。");
            foreach (var column in old.Columns.Where(c => !now.Columns.Any(n => SameColumn(c, n))))
                return new(old.Key, $"{name}の列「{column.Label}」は公開後に削除・変更できません（追加はできます）。");
            if (old.Unit != now.Unit || old.Min != now.Min || old.Max != now.Max || old.MaxLength != now.MaxLength)
                return new(old.Key, $"{name}の単位・範囲・文字数は公開後に変更できません。");
            if (!SameCondition(old.ShowIf, now.ShowIf)) return new(old.Key, $"{name}の表示条件は公開後に変更できません。");
            if (!old.Required && now.Required) return new(old.Key, $"{name}を公開後に必須にはできません（提出済みの回答が足りなくなるためです）。");
        }
        return null;
    }

    private static FormProblem? CheckQuestion(Question q)
    {
        var name = Name(q);
        if (!Enum.IsDefined(q.Type)) return new(q.Key, $"質問「{q.Key}」の種類がわかりません。");
        if (!InputRules.HasVisibleText(q.Text)) return new(q.Key, $"質問「{q.Key}」の質問文を入力してください。");
        if ((Typed(q.Key, $"{name}の質問文", q.Text) ?? Typed(q.Key, $"{name}の説明", q.Help) ?? Typed(q.Key, $"{name}の単位", q.Unit)) is { } typed) return typed;
        if (q.Text.Length > MaxText) return new(q.Key, $"{name}の質問文は {MaxText} 文字以内にしてください。");
        if (q.Help is { Length: > MaxHelp }) return new(q.Key, $"{name}の説明は {MaxHelp} 文字以内にしてください。");
        var isChoice = ChoiceTypes.Contains(q.Type);
        if (isChoice)
        {
            if (q.Options.Count == 0) return new(q.Key, $"{name}は{q.Type.ToJapanese()}です。選択肢を 1 つ以上入力してください。");
            if (CheckOptions(q.Options, name, q.Key) is { } problem) return problem;
        }
        else
        {
            if (q.Options.Count > 0) return new(q.Key, $"{name}は{q.Type.ToJapanese()}なので選択肢は使えません。");
            if (q.AllowOther) return new(q.Key, $"{name}は{q.Type.ToJapanese()}なので「その他」は使えません。");
        }
        if (!NumberTypes.Contains(q.Type) && q.Type != QuestionType.Table && (q.Min is not null || q.Max is not null || q.Unit is not null))
            return new(q.Key, $"{name}は{q.Type.ToJapanese()}なので単位や範囲は使えません（整数・小数の質問で使えます）。");
        if (CheckRange(q.Type, q.Min, q.Max, name, q.Key) is { } rangeProblem) return rangeProblem;
        if (q.MaxLength is { } max)
        {
            if (!TextTypes.Contains(q.Type)) return new(q.Key, $"{name}は{q.Type.ToJapanese()}なので最大文字数は使えません（短文・長文で使えます）。");
            if (max is < 1 or > MaxLengthLimit) return new(q.Key, $"{name}の最大文字数は 1〜{MaxLengthLimit} にしてください。");
        }
        if (q.Type == QuestionType.Table) return CheckTable(q, name);
        if (q.Rows.Count > 0 || q.Columns.Count > 0) return new(q.Key, $"{name}は表の質問ではないので行・列は使えません。");
        return null;
    }

    private static FormProblem? CheckTable(Question q, string name)
    {
        if (q.Rows.Count == 0) return new(q.Key, $"{name}は表の質問です。行を 1 つ以上入力してください。");
        if (q.Columns.Count == 0) return new(q.Key, $"{name}は表の質問です。列を 1 つ以上入力してください。");
        if (q.Rows.Any(r => string.IsNullOrWhiteSpace(r.Key) || string.IsNullOrWhiteSpace(r.Label)))
            return new(q.Key, $"{name}の行には、キーと見出しを入力してください。");
        if (q.Rows.Select(r => Typed(q.Key, $"{name}の行の見出し", r.Label)).FirstOrDefault(p => p is not null) is { } rowProblem) return rowProblem;
        if (q.Rows.Select(r => r.Key).Distinct().Count() != q.Rows.Count) return new(q.Key, $"{name}の行のキーが重複しています。");
        if (q.Columns.Any(c => string.IsNullOrWhiteSpace(c.Key) || string.IsNullOrWhiteSpace(c.Label)))
            return new(q.Key, $"{name}の列には、キーと見出しを入力してください。");
        if (q.Columns.Select(c => Typed(q.Key, $"{name}の列の見出し", c.Label) ?? Typed(q.Key, $"{name}の列の単位", c.Unit)).FirstOrDefault(p => p is not null)
            is { } columnProblem) return columnProblem;
        if (q.Columns.Select(c => c.Key).Distinct().Count() != q.Columns.Count) return new(q.Key, $"{name}の列のキーが重複しています。");
        foreach (var column in q.Columns)
        {
            var what = $"{name}の列「{column.Label}」";
            if (!Enum.IsDefined(column.Type) || column.Type is QuestionType.Table or QuestionType.File or QuestionType.MultipleChoice)
                return new(q.Key, $"{what}の種類は、単一選択・短文・長文・整数・小数・日付・はい／いいえから選んでください。");
            var options = column.Options ?? [];
            if (column.Type == QuestionType.SingleChoice)
            {
                if (options.Count == 0) return new(q.Key, $"{what}は単一選択です。選択肢を 1 つ以上入力してください。");
                if (CheckOptions(options, what, q.Key) is { } problem) return problem;
            }
            else if (options.Count > 0) return new(q.Key, $"{what}は選択肢を使えません。");
            if (!NumberTypes.Contains(column.Type) && (column.Min is not null || column.Max is not null || column.Unit is not null))
                return new(q.Key, $"{what}は{column.Type.ToJapanese()}なので単位や範囲は使えません。");
            if (CheckRange(column.Type, column.Min, column.Max, what, q.Key) is { } rangeProblem) return rangeProblem;
        }
        return null;
    }

    private static FormProblem? CheckOptions(List<ChoiceOption> options, string name, string key)
    {
        if (options.Count > MaxOptions) return new(key, $"{name}の選択肢は {MaxOptions} 個までです。");
        if (options.Any(o => string.IsNullOrWhiteSpace(o.Value) || string.IsNullOrWhiteSpace(o.Label)))
            return new(key, $"{name}の選択肢には、値と表示名を入力してください。");
        if (options.Select(o => Typed(key, $"{name}の選択肢", o.Label) ?? Typed(key, $"{name}の選択肢の値", o.Value)).FirstOrDefault(p => p is not null)
            is { } typed) return typed;
        if (options.Any(o => o.Value == Answer.OtherValue))
            return new(key, $"{name}の選択肢の値「{Answer.OtherValue}」は「その他」のために予約されています。「その他」を使うときは「その他を許可」を選んでください。");
        var duplicate = options.GroupBy(o => o.Value).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? null : new(key, $"{name}の選択肢の値「{duplicate.Key}」が重複しています。");
    }

    /// <summary>The shared <see cref="InputRules"/> (control, bidi, invisible-only text) for one text the author typed,
    /// the message prefixed with where it is, since a form has many texts.</summary>
    private static FormProblem? Typed(string key, string where, string? text) =>
        InputRules.TextError(text) is { } message ? new(key, $"{where}：{message}") : null;

    private static FormProblem? CheckRange(QuestionType type, decimal? min, decimal? max, string name, string key)
    {
        if (min is { } lo && max is { } hi && lo > hi) return new(key, $"{name}の範囲は、最小値を最大値以下にしてください（{lo}〜{hi}）。");
        if (type == QuestionType.Integer && (min is { } a && a != decimal.Truncate(a) || max is { } b && b != decimal.Truncate(b)))
            return new(key, $"{name}は整数の質問です。範囲も整数で入力してください。");
        return null;
    }

    /// <summary>条件付き表示 refers to an EARLIER question (so no cycle can form) that offers the values asked for.</summary>
    private static FormProblem? CheckCondition(Question q, IReadOnlyDictionary<string, Question> earlier)
    {
        if (q.ShowIf is not { } condition) return null;
        var name = Name(q);
        if (string.IsNullOrWhiteSpace(condition.QuestionKey)) return new(q.Key, $"{name}の表示条件に、条件にする質問を選んでください。");
        if (!earlier.TryGetValue(condition.QuestionKey, out var source))
            return new(q.Key, condition.QuestionKey == q.Key
                ? $"{name}の表示条件に、自分自身は使えません。"
                : $"{name}の表示条件の質問「{condition.QuestionKey}」は、この質問より前にありません。条件に使えるのはこの質問より前の質問だけです（循環を防ぐため）。");
        var offered = Offered(source);
        if (offered is null)
            return new(q.Key, $"{name}の表示条件に使えるのは、単一選択・複数選択・はい／いいえの質問だけです（{Name(source)}は{source.Type.ToJapanese()}）。");
        if (condition.AnyOf is not { Count: > 0 }) return new(q.Key, $"{name}の表示条件に、表示するときの回答を 1 つ以上選んでください。");
        foreach (var value in condition.AnyOf.Where(v => !offered.Contains(v)))
            return new(q.Key, $"{name}の表示条件の回答「{value}」は、{Name(source)}の選択肢にありません。");
        return null;
    }

    private static HashSet<string>? Offered(Question source) => source.Type switch
    {
        QuestionType.YesNo => ["yes", "no"],
        QuestionType.SingleChoice or QuestionType.MultipleChoice =>
            [.. source.Options.Select(o => o.Value), .. source.AllowOther ? [Answer.OtherValue] : Array.Empty<string>()],
        _ => null,
    };

    private static bool SameCondition(DisplayCondition? a, DisplayCondition? b) =>
        a is null ? b is null : b is not null && a.QuestionKey == b.QuestionKey && a.AnyOf.SequenceEqual(b.AnyOf);

    private static bool SameColumn(TableColumn a, TableColumn b) =>
        a.Key == b.Key && a.Label == b.Label && a.Type == b.Type && a.Unit == b.Unit && a.Min == b.Min && a.Max == b.Max && a.Required == b.Required
        && (a.Options ?? []).SequenceEqual(b.Options ?? []);

    private static int HighestNumber(IEnumerable<string> keys, char prefix) =>
        keys.Where(k => k.Length > 1 && k[0] == prefix)
            .Select(k => int.TryParse(k.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
}
