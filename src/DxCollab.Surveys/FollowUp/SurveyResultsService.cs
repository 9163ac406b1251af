using DxCollab.Surveys.Answering;
using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.FollowUp;

/// <summary>One question of the 還元 page: the respondent's own answer beside the aggregate of all respondents (no
/// other 団体's individual answer: per-団体 texts are left out).</summary>
public sealed record FeedbackQuestion(string Key, string Section, string Text, string Type, string OwnAnswer, decimal? OwnNumber,
    QuestionResult Aggregate);

public sealed record FeedbackView(long SurveyId, string Title, string Code, string Name, bool OwnSubmitted, int RosterCount, int SubmittedCount,
    IReadOnlyList<FeedbackQuestion> Questions);

/// <summary>集計 (staff) and 還元 (each respondent, once the survey is closed and unless it is confidential).</summary>
public sealed class SurveyResultsService(DxCollabDbContext db)
{
    public async Task<Outcome<SurveyResults>> GetAsync(ClaimsPrincipal user, long surveyId, CancellationToken ct)
    {
        var found = await StatusBoard.StaffSurveyAsync(db, user, surveyId, ct);
        if (!found.Succeeded) return found.As<SurveyResults>();
        return Outcome<SurveyResults>.Ok(await AggregateAsync(found.Value!, ct));
    }

    private async Task<SurveyResults> AggregateAsync(Survey survey, CancellationToken ct)
    {
        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == survey.Id)
            .Select(r => new { r.RespondentCode, r.State, r.AnswersJson }).ToListAsync(ct);
        var submitted = responses.Where(r => r.State == ResponseState.Submitted).ToList();
        var names = await Roster.NamesAsync(db, submitted.Select(r => r.RespondentCode).ToList(), ct);
        return ResultsAggregator.Aggregate(survey.Id, survey.Title, responses.Count, survey.Form,
            submitted.OrderBy(r => r.RespondentCode, StringComparer.Ordinal)
                .Select(r => new SubmittedAnswer(r.RespondentCode, names[r.RespondentCode].Name, AnswerSet.FromJson(r.AnswersJson))).ToList());
    }

    /// <summary>還元 for <paramref name="code"/>: 404 when the survey is confidential (nothing is sent back) or the code is
    /// not on its roster, 403 while it is still open or for someone who may not read that 団体's answer.</summary>
    public async Task<Outcome<FeedbackView>> FeedbackAsync(ClaimsPrincipal user, long surveyId, string code, CancellationToken ct)
    {
        var found = await VisibleSurveys.FindAsync(db, user, surveyId, kind: null, "照会が見つかりません。", ct);
        if (!found.Succeeded) return found.As<FeedbackView>();
        var survey = found.Value!;
        if (!user.MayReadAnswerOf(code)) return Outcome<FeedbackView>.Forbidden("ほかの団体の回答は見られません。自団体の還元ページを開いてください。");
        var response = await db.Set<SurveyResponse>().AsNoTracking().FirstOrDefaultAsync(r => r.SurveyId == surveyId && r.RespondentCode == code, ct);
        if (response is null) return Outcome<FeedbackView>.NotFound("この団体はこの照会の回答先ではありません。");
        if (survey.IsConfidential)
            return Outcome<FeedbackView>.NotFound("この照会は非公開扱いのため、集計結果の還元はありません。");
        if (survey.State != SurveyState.Closed)
            return Outcome<FeedbackView>.Forbidden("集計結果は照会の締切後に還元されます。締切までお待ちください。");
        var results = await AggregateAsync(survey, ct);
        var form = survey.Form;
        var answers = AnswerSet.FromJson(response.AnswersJson);
        var submitted = response.State == ResponseState.Submitted;
        var name = await Roster.NameAsync(db, code, ct);
        var questions = results.Questions.Select(r =>
        {
            var q = form.Find(r.Key)!;
            var visible = submitted && form.IsVisible(q, answers);
            var own = visible ? answers[q.Key] : null;
            decimal? number = own is not null && q.Type.IsNumeric() && AnswerValues.TryParseDecimal(own.Value, out var n) ? n : null;
            return new FeedbackQuestion(r.Key, r.Section, r.Text, r.Type, visible ? Shown(q, own) : "（対象外または未提出）", number,
                r with { Texts = null, OtherTexts = null, Numbers = r.Numbers is { } summary ? summary with { Min = null, Max = null } : null });
        }).ToList();
        return Outcome<FeedbackView>.Ok(new FeedbackView(survey.Id, survey.Title, code, name, submitted, results.RosterCount, results.SubmittedCount, questions));
    }

    /// <summary>The respondent's own answer as it reads on the view page (files by count: 還元 shows no file names).</summary>
    private static string Shown(Question q, Answer? own) =>
        own is { FileIds.Count: > 0 } ? $"{own.FileIds.Count} 件のファイル"
        : AnswerText.Of(q, own) is { Length: > 0 } text ? text : "（未回答）";
}
