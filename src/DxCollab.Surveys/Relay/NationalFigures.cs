using DxCollab.Platform.Data;
using DxCollab.Platform.Messaging;
using DxCollab.Surveys.Contracts;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.FollowUp;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Relay;

/// <summary>確報 as the prefecture declares it — by the 確報 action, or by closing a relayed survey again after reopening it
/// for corrections. The caller saves: the declaration and the message to the national side commit together.</summary>
internal static class NationalFigures
{
    public static async Task DeclareFinalAsync(DxCollabDbContext db, ReceivedNationalSurvey received, string actor, DateTime now, CancellationToken ct)
    {
        received.FinalizedAt = now;
        received.FinalizedBy = actor;
        db.AddIntegrationEvent(new NationalFiguresFinalized(db.CurrentTenantId!, received.NationalSurveyId, now)
        {
            Figures = await SubmittedFiguresAsync(db, received.RelayedSurveyId, ct),
        }, $"national-survey:{db.CurrentTenantId}");
    }

    // The figures travel with the declaration: a resubmission's own report goes through the forwarder and may reach the
    // national side after this message, and a 確報 must not leave that 団体 at 速報.
    private static async Task<IReadOnlyList<NationalFigure>> SubmittedFiguresAsync(DxCollabDbContext db, long? relayedSurveyId, CancellationToken ct)
    {
        if (await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == relayedSurveyId, ct) is not { } survey) return [];
        var responses = await db.Set<SurveyResponse>().AsNoTracking()
            .Where(r => r.SurveyId == survey.Id && r.State == ResponseState.Submitted)
            .Select(r => new { r.RespondentCode, r.AnswersJson, r.SubmittedAt })
            .ToListAsync(ct);
        var names = await Roster.NamesAsync(db, responses.Select(r => r.RespondentCode).ToList(), ct);
        var form = survey.Form;
        return responses
            .Select(r => new NationalFigure(r.RespondentCode, names[r.RespondentCode].Name,
                NationalAnswerText.NationalOnly(form, AnswerSet.FromJson(r.AnswersJson)).ToJson(), r.SubmittedAt ?? default))
            .ToList();
    }
}
