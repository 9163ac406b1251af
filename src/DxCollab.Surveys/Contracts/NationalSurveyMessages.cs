using DxCollab.Platform.Messaging;

namespace DxCollab.Surveys.Contracts;

/// <summary>A national survey issued to one prefecture: one message per prefecture tenant, written to the outbox with
/// the national survey (so the tenant header is that prefecture's). Carries the national form (JSON) so the tenant
/// never reads host tables.</summary>
public sealed record NationalSurveyIssued(string TenantId, Guid NationalSurveyId, string Title, string Purpose, DateOnly ReferenceDate,
    DateOnly Deadline, string FormJson, DateTime IssuedAt) : ITenantMessage;

/// <summary>Host level: the national answers of one 団体 of a relayed survey, sent by its prefecture on each submission.
/// <see cref="AnswersJson"/> holds only the questions of the national sections.</summary>
public sealed record NationalAnswersReported(string PrefectureId, Guid NationalSurveyId, string RespondentCode, string RespondentName,
    string AnswersJson, DateTime SubmittedAt) : IHostLevelMessage;

/// <summary>Host level: the prefecture declares its figures 確報 (final). <see cref="Figures"/> carries every submitted
/// 団体's national answers as they stand, so a correction still on its way (its own <see cref="NationalAnswersReported"/>
/// may arrive after this message) is final all the same.</summary>
public sealed record NationalFiguresFinalized(string PrefectureId, Guid NationalSurveyId, DateTime FinalizedAt) : IHostLevelMessage
{
    public IReadOnlyList<NationalFigure> Figures { get; init; } = [];
}

/// <summary>One 団体's national answers (national sections only) as its prefecture declares them final.</summary>
public sealed record NationalFigure(string RespondentCode, string RespondentName, string AnswersJson, DateTime SubmittedAt);
