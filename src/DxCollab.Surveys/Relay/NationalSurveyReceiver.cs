using DxCollab.Platform.Data;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Notifications;
using DxCollab.Surveys.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Relay;

/// <summary>Tenant side: a national survey reaches the prefecture. Records it (once) and tells the prefecture's staff,
/// who relay it from /{tenant}/surveys/national.</summary>
public sealed class NationalSurveyReceiver(DxCollabDbContext db, TimeProvider clock, NotificationService notifications)
    : IdempotentConsumer<NationalSurveyIssued>(db, clock)
{
    private readonly TimeProvider _clock = clock;

    protected override async Task HandleAsync(ConsumeContext<NationalSurveyIssued> context)
    {
        var message = context.Message;
        if (await Db.Set<ReceivedNationalSurvey>().AnyAsync(r => r.NationalSurveyId == message.NationalSurveyId, context.CancellationToken)) return;
        Db.Add(new ReceivedNationalSurvey
        {
            NationalSurveyId = message.NationalSurveyId, Title = message.Title, Purpose = message.Purpose, ReferenceDate = message.ReferenceDate,
            Deadline = message.Deadline, FormJson = message.FormJson, ReceivedAt = _clock.GetUtcNow().UtcDateTime,
        });
        await notifications.NotifyPrefectureStaffAsync(new NotificationMessage("照会", $"全国照会「{message.Title}」が届きました",
            "管内の市区町村へ中継してください。", $"/{message.TenantId}/surveys/national")
        { SourceKey = $"Surveys:national:{message.NationalSurveyId}" }, context.CancellationToken);
    }
}
