using DxCollab.Platform.Data;
using DxCollab.Surveys.Contracts;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Relay;

/// <summary>Tenant side: when a 団体 submits its answer to a relayed survey, the answers to the national sections (never
/// the prefecture's own questions) go on to the national result as a host-level <see cref="NationalAnswersReported"/>.
/// It changes nothing here, so a redelivery only reports the same (current) answer again, which the host ignores.</summary>
public sealed class NationalAnswersForwarder(DxCollabDbContext db) : IConsumer<SurveyResponseSubmitted>
{
    public async Task Consume(ConsumeContext<SurveyResponseSubmitted> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        var survey = await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == message.SurveyId, ct);
        if (survey?.NationalSurveyId is not { } nationalId) return;
        var response = await db.Set<SurveyResponse>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.SurveyId == survey.Id && r.RespondentCode == message.RespondentCode, ct);
        // A response returned (差戻し) since is being corrected: its draft is not a figure; the resubmission reports it.
        if (response is not { State: ResponseState.Submitted }) return;
        var name = await FollowUp.Roster.NameAsync(db, response.RespondentCode, ct);
        var national = NationalAnswerText.NationalOnly(survey.Form, AnswerSet.FromJson(response.AnswersJson));
        await context.Publish(new NationalAnswersReported(message.TenantId, nationalId, response.RespondentCode, name, national.ToJson(),
            response.SubmittedAt ?? message.SubmittedAt), ct);
    }
}
