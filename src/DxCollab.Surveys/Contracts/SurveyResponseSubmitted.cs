using DxCollab.Platform.Messaging;

namespace DxCollab.Surveys.Contracts;

/// <summary>Published through the outbox (<c>db.AddIntegrationEvent</c>, same transaction as the state change) each time
/// a respondent submits — again after a 差戻し or a correction. The national relay listens (a relayed survey sends the
/// national section's answers on to the national result); carries its tenant so the consumer can check the header.</summary>
public sealed record SurveyResponseSubmitted(string TenantId, long SurveyId, string RespondentCode, DateTime SubmittedAt)
    : ITenantMessage;
