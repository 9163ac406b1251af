using DxCollab.Platform.Data;
using DxCollab.Platform.Prefill;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Prefill;

/// <summary>Fills an empty draft when a respondent first opens it: from its own answer in the previous round (the
/// survey this one was copied from) and from data the product already holds (Platform prefill sources that modules
/// implement). Every prefilled answer is marked (<see cref="Answer.PrefilledFrom"/>) until confirmed.</summary>
public sealed class SurveyPrefiller(DxCollabDbContext db, PrefillSources sources)
{
    /// <summary>Returns <paramref name="current"/> with prefilled answers added where it has none. Does not save.</summary>
    public async Task<AnswerSet> PrefillAsync(Survey survey, string respondentCode, AnswerSet current, CancellationToken ct = default)
    {
        var form = survey.Form;
        var previous = await PreviousRoundAsync(survey, respondentCode, ct);

        var wanted = form.Questions.Where(q => current[q.Key] is null or { IsEmpty: true })
            .Select(q => q.PrefillSource).OfType<string>().Distinct(StringComparer.Ordinal);
        var values = new Dictionary<string, (string, PrefillValueType)>(StringComparer.Ordinal);
        foreach (var key in wanted)
            if (sources.Find(key) is { } source && await source.ValueForAsync(respondentCode, ct) is { } value)
                values[key] = (value, source.ValueType);

        return PrefillMerge.Merge(form, current, previous, values);
    }

    /// <summary>The respondent's submitted answer in the survey this one was copied from. The DbContext is the
    /// tenant's, so a copy can never reach another prefecture's survey.</summary>
    private async Task<AnswerSet?> PreviousRoundAsync(Survey survey, string respondentCode, CancellationToken ct)
    {
        if (survey.CopiedFromSurveyId is not { } previousId) return null;
        var json = await db.Set<SurveyResponse>().AsNoTracking()
            .Where(r => r.SurveyId == previousId && r.RespondentCode == respondentCode && r.State == ResponseState.Submitted)
            .Select(r => r.AnswersJson).FirstOrDefaultAsync(ct);
        return json is null ? null : AnswerSet.FromJson(json);
    }
}
