using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Surveys.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Access;

/// <summary>Loads a survey for whoever reads it, by <see cref="SurveyAccess.MaySee"/>. A survey the user may not see
/// is not found (404, never 403), so an officer learns nothing of a draft or of another 団体's survey.</summary>
internal static class VisibleSurveys
{
    /// <param name="kind">Only a survey of this kind (a vote, a KPI table); any kind when null.</param>
    /// <param name="notFound">What the 404 says, in the words of the page that asked.</param>
    public static async Task<Outcome<Survey>> FindAsync(DxCollabDbContext db, ClaimsPrincipal user, long surveyId, SurveyKind? kind,
        string notFound, CancellationToken ct)
    {
        var surveys = db.Set<Survey>().AsNoTracking().Where(s => s.Id == surveyId);
        if (kind is { } only) surveys = surveys.Where(s => s.Kind == only);
        var survey = await surveys.FirstOrDefaultAsync(ct);
        if (survey is null) return Outcome<Survey>.NotFound(notFound);
        var ownOnRoster = user.OwnOrganizationCode() is { } own
            && await db.Set<SurveyResponse>().AnyAsync(r => r.SurveyId == surveyId && r.RespondentCode == own, ct);
        return user.MaySee(survey, ownOnRoster) ? Outcome<Survey>.Ok(survey) : Outcome<Survey>.NotFound(notFound);
    }

    /// <summary>A survey and the answer of <paramref name="respondentCode"/>, when the user may read that answer
    /// (<see cref="SurveyAccess.MayReadAnswerOf"/>; its own 団体's, or any for the staff) and see the survey; tracked when
    /// the caller is to change the answer. Otherwise not found.</summary>
    public static async Task<Outcome<(Survey Survey, SurveyResponse Response)>> FindAnswerAsync(DxCollabDbContext db, ClaimsPrincipal user,
        long surveyId, string respondentCode, bool tracked, string notFound, CancellationToken ct)
    {
        var refused = Outcome<(Survey, SurveyResponse)>.NotFound(notFound);
        if (!user.MayReadAnswerOf(respondentCode)) return refused;
        var survey = await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null) return refused;
        var responses = db.Set<SurveyResponse>().Where(r => r.SurveyId == surveyId && r.RespondentCode == respondentCode);
        var response = await (tracked ? responses : responses.AsNoTracking()).FirstOrDefaultAsync(ct);
        // Reading the answer of respondentCode, an officer is of that 団体, so its 団体 is on the roster.
        if (response is null || !user.MaySee(survey, ownOrganizationOnRoster: true)) return refused;
        return Outcome<(Survey, SurveyResponse)>.Ok((survey, response));
    }
}
