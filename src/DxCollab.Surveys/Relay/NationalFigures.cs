using DxCollab.Platform.Data;
using DxCollab.Platform.Messaging;
using DxCollab.Surveys.Contracts;

namespace DxCollab.Surveys.Relay;

/// <summary>確報 as the prefecture declares it — by the 確報 action, or by closing a relayed survey again after reopening it
/// for corrections. The caller saves: the declaration and the message to the national side commit together.</summary>
internal static class NationalFigures
{
    public static void DeclareFinal(DxCollabDbContext db, ReceivedNationalSurvey received, string actor, DateTime now)
    {
        received.FinalizedAt = now;
        received.FinalizedBy = actor;
        db.AddIntegrationEvent(new NationalFiguresFinalized(db.CurrentTenantId!, received.NationalSurveyId, now), $"national-survey:{db.CurrentTenantId}");
    }
}
