using DxCollab.Platform.Data;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Results;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Surveys.Contracts;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Relay;

public sealed record NationalSurveyInput(string? Title, string? Purpose, DateOnly? ReferenceDate, DateOnly? Deadline, List<FormSection>? Sections);

public sealed record NationalSurveySummary(Guid Id, string Title, string Purpose, DateOnly ReferenceDate, DateOnly Deadline, DateTime IssuedAt, int Prefectures, int Respondents);

public sealed record ChoiceCount(string Value, string Label, int Count);

/// <summary>The figure of one national question over a set of 団体: how many answered, choice counts, or sum and mean.</summary>
public sealed record QuestionFigure(string Key, int Answered, decimal? Sum, decimal? Mean, IReadOnlyList<ChoiceCount> Counts);

public sealed record PrefectureFigures(string PrefectureId, string Name, int Respondents, int Final, IReadOnlyList<QuestionFigure> Figures)
{
    public string Stage => Respondents == 0 ? "未報告" : Final == Respondents ? "確報" : "速報";
}

public sealed record NationalQuestionView(string Key, string Section, string Text, QuestionType Type, string? Unit);

/// <summary>The national result as the national side sees it: the national questions and aggregates per prefecture.</summary>
public sealed record NationalResultView(NationalSurvey Survey, IReadOnlyList<NationalQuestionView> Questions,
    IReadOnlyList<PrefectureFigures> Prefectures, PrefectureFigures Total);

/// <summary>Host side of 全国照会: the NationalViewer issues a survey to every prefecture (one outbox message per
/// prefecture tenant, in the same transaction) and reads the national result kept from the prefectures' reports.</summary>
public sealed class NationalSurveyService(DxCollabDbContext db, TimeProvider clock)
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> PrefectureNames =
        new(() => PrefectureCatalog.Build().ToDictionary(t => t.Id!, t => t.Name!));

    public static string PrefectureName(string id) => PrefectureNames.Value.GetValueOrDefault(id, id);

    public async Task<Outcome<NationalSurvey>> IssueAsync(NationalSurveyInput input, string actor, CancellationToken ct = default)
    {
        if ((InputRefusals.Text<NationalSurvey>("title", input.Title, "件名を入力してください。") ?? InputRefusals.Text<NationalSurvey>("purpose", input.Purpose)
             ?? InputRefusals.Date<NationalSurvey>("referenceDate", input.ReferenceDate) ?? InputRefusals.Date<NationalSurvey>("deadline", input.Deadline))
            is { } typed) return typed;
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) return Outcome<NationalSurvey>.Invalid("title", "件名を入力してください。");
        if (title.Length > 200) return Outcome<NationalSurvey>.Invalid("title", "件名は 200 文字以内で入力してください。");
        if (input.ReferenceDate is not { } reference) return Outcome<NationalSurvey>.Invalid("referenceDate", "調査基準日を入力してください（例: 2026-04-01）。");
        if (input.Deadline is not { } deadline) return Outcome<NationalSurvey>.Invalid("deadline", "回答期限を入力してください。");
        var today = JapaneseCalendar.TodayInTokyo(clock.GetUtcNow());
        if (deadline < today) return Outcome<NationalSurvey>.Invalid("deadline", $"回答期限（{JapaneseCalendar.Format(deadline)}）が過ぎています。今日以降の日付にしてください。");
        var sections = new SurveyForm { Sections = input.Sections ?? [] }.Tidy().Sections;
        if (sections.Count == 0) return Outcome<NationalSurvey>.Invalid("sections", "設問を 1 問以上入れてください。");
        if (NationalFormRules.Check(sections, "sections") is { } refusal) return refusal.As<NationalSurvey>();
        foreach (var section in sections) section.Origin = SectionOrigin.National;

        var survey = new NationalSurvey
        {
            Title = title, Purpose = input.Purpose?.Trim() ?? "", ReferenceDate = reference, Deadline = deadline,
            Form = new SurveyForm { Sections = sections }, IssuedAt = clock.GetUtcNow().UtcDateTime, IssuedBy = actor,
        };
        db.Add(survey);
        // One message per prefecture, each under that prefecture's tenant (the issuing request has none).
        foreach (var prefecture in PrefectureCatalog.Identifiers)
            db.SendToTenant(new NationalSurveyIssued(prefecture, survey.Id, survey.Title, survey.Purpose,
                survey.ReferenceDate, survey.Deadline, survey.FormJson, survey.IssuedAt), $"national-survey:{prefecture}", survey.IssuedAt);
        await db.SaveChangesAsync(ct);
        return Outcome<NationalSurvey>.Ok(survey);
    }

    public async Task<IReadOnlyList<NationalSurveySummary>> ListAsync(CancellationToken ct = default)
    {
        var surveys = await db.Set<NationalSurvey>().AsNoTracking().OrderByDescending(s => s.IssuedAt).ToListAsync(ct);
        var counts = await db.Set<NationalSurveyResult>().AsNoTracking()
            .GroupBy(r => new { r.NationalSurveyId, r.PrefectureId }).Select(g => new { g.Key.NationalSurveyId, Count = g.Count() }).ToListAsync(ct);
        return surveys.Select(s => new NationalSurveySummary(s.Id, s.Title, s.Purpose, s.ReferenceDate, s.Deadline, s.IssuedAt,
            counts.Count(c => c.NationalSurveyId == s.Id), counts.Where(c => c.NationalSurveyId == s.Id).Sum(c => c.Count))).ToList();
    }

    public async Task<NationalResultView?> ResultAsync(Guid id, CancellationToken ct = default)
    {
        var survey = await db.Set<NationalSurvey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return null;
        var rows = await db.Set<NationalSurveyResult>().AsNoTracking().Where(r => r.NationalSurveyId == id).ToListAsync(ct);
        var form = survey.Form;
        var questions = form.Sections.SelectMany(s => s.Questions.Select(q => new NationalQuestionView(q.Key, s.Title, q.Text, q.Type, q.Unit))).ToList();
        var prefectures = rows.GroupBy(r => r.PrefectureId).OrderBy(g => PrefectureOrder(g.Key))
            .Select(g => Figures(g.Key, PrefectureName(g.Key), form, g.ToList())).ToList();
        return new NationalResultView(survey, questions, prefectures, Figures("", "全国", form, rows));
    }

    public async Task<IReadOnlyList<NationalSurveyChange>?> ChangesAsync(Guid id, CancellationToken ct = default)
    {
        if (!await db.Set<NationalSurvey>().AnyAsync(s => s.Id == id, ct)) return null;
        var changes = await db.Set<NationalSurveyChange>().AsNoTracking().Where(c => c.NationalSurveyId == id).ToListAsync(ct);
        return changes.OrderByDescending(c => c.ChangedAt).ThenBy(c => PrefectureOrder(c.PrefectureId)).ThenBy(c => c.RespondentCode, StringComparer.Ordinal)
            .ThenBy(c => c.Id).ToList();
    }

    private static int PrefectureOrder(string id) => PrefectureCatalog.Identifiers.ToList().IndexOf(id);

    private static PrefectureFigures Figures(string id, string name, SurveyForm form, IReadOnlyList<NationalSurveyResult> rows)
    {
        var answers = rows.Select(r => AnswerSet.FromJson(r.AnswersJson)).ToList();
        var figures = form.Questions.Select(q => Figure(q, answers.Select(a => a[q.Key]).Where(a => a is { IsEmpty: false }).Select(a => a!).ToList())).ToList();
        return new PrefectureFigures(id, name, rows.Count, rows.Count(r => r.Stage == FigureStage.Final), figures);
    }

    private static QuestionFigure Figure(Question question, IReadOnlyList<Answer> answers)
    {
        switch (question.Type)
        {
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                var options = question.Options.Select(o => new ChoiceCount(o.Value, o.Label,
                    answers.Count(a => a.Value == o.Value || (a.Choices?.Contains(o.Value) ?? false)))).ToList();
                if (question.AllowOther)
                    options.Add(new(Answer.OtherValue, "その他", answers.Count(a => a.Value == Answer.OtherValue || (a.Choices?.Contains(Answer.OtherValue) ?? false))));
                return new(question.Key, answers.Count, null, null, options);
            case QuestionType.YesNo:
                return new(question.Key, answers.Count, null, null,
                    [new("yes", "はい", answers.Count(a => a.Value == "yes")), new("no", "いいえ", answers.Count(a => a.Value == "no"))]);
            case QuestionType.Integer or QuestionType.Decimal:
                // Read as the answer form accepted them (全角, 桁区切り).
                var numbers = answers.Select(a => AnswerValues.TryParseDecimal(a.Value, out var n) ? n : (decimal?)null).OfType<decimal>().ToList();
                return new(question.Key, numbers.Count, numbers.Sum(), numbers.Count == 0 ? null : Math.Round(numbers.Average(), 2), []);
            default:
                return new(question.Key, answers.Count, null, null, []);
        }
    }
}
