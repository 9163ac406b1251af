using DxCollab.Platform.Data;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Tenancy;
using DxCollab.Surveys.Contracts;
using DxCollab.Surveys.Forms;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Relay;

/// <summary>Host side: stores a 団体's national answers by prefecture + 団体コード as 速報. A later submission (a correction
/// after the 速報) records every figure that changed and returns the row to 速報; an older or repeated report changes
/// nothing. Keeps only the keys of the national form, whatever the message carries.</summary>
public sealed class NationalResultConsumer(DxCollabDbContext db, TimeProvider clock)
    : IdempotentConsumer<NationalAnswersReported>(db, clock), IOrderedConsumer
{
    private readonly TimeProvider _clock = clock;

    protected override async Task HandleAsync(ConsumeContext<NationalAnswersReported> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        if (!PrefectureCatalog.Identifiers.Contains(message.PrefectureId))
            throw new InvalidOperationException($"NationalAnswersReported names unknown prefecture '{message.PrefectureId}'.");
        var survey = await Db.Set<NationalSurvey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == message.NationalSurveyId, ct)
                     ?? throw new InvalidOperationException($"No national survey {message.NationalSurveyId}.");
        var form = survey.Form;
        var answers = NationalAnswerText.NationalOnly(form, AnswerSet.FromJson(message.AnswersJson));
        var now = _clock.GetUtcNow().UtcDateTime;
        var row = await Db.Set<NationalSurveyResult>().FirstOrDefaultAsync(r => r.NationalSurveyId == survey.Id
            && r.PrefectureId == message.PrefectureId && r.RespondentCode == message.RespondentCode, ct);
        if (row is null)
        {
            Db.Add(new NationalSurveyResult
            {
                NationalSurveyId = survey.Id, PrefectureId = message.PrefectureId, RespondentCode = message.RespondentCode,
                RespondentName = message.RespondentName, AnswersJson = answers.ToJson(), SubmittedAt = message.SubmittedAt, ReceivedAt = now, Revision = 1,
            });
            return;
        }
        if (row.SubmittedAt >= message.SubmittedAt) return;
        var before = AnswerSet.FromJson(row.AnswersJson);
        var revision = row.Revision + 1;
        foreach (var question in form.Questions)
        {
            string? was = NationalAnswerText.Of(before[question.Key]), now2 = NationalAnswerText.Of(answers[question.Key]);
            if (was == now2) continue;
            Db.Add(new NationalSurveyChange
            {
                NationalSurveyId = survey.Id, PrefectureId = row.PrefectureId, RespondentCode = row.RespondentCode, RespondentName = message.RespondentName,
                QuestionKey = question.Key, Before = Clip(was), After = Clip(now2), ChangedAt = now, Revision = revision,
            });
        }
        row.AnswersJson = answers.ToJson();
        row.RespondentName = message.RespondentName;
        row.SubmittedAt = message.SubmittedAt;
        row.ReceivedAt = now;
        row.Revision = revision;
        row.Stage = FigureStage.Preliminary; // a corrected figure is 速報 again until the prefecture declares 確報
    }

    private static string? Clip(string? text) => text is { Length: > 4000 } ? text[..4000] : text;
}

/// <summary>Host side: the prefecture's figures become 確報 (every row it reported so far).</summary>
public sealed class NationalFinalConsumer(DxCollabDbContext db, TimeProvider clock)
    : IdempotentConsumer<NationalFiguresFinalized>(db, clock), IOrderedConsumer
{
    protected override async Task HandleAsync(ConsumeContext<NationalFiguresFinalized> context)
    {
        var message = context.Message;
        var rows = await Db.Set<NationalSurveyResult>()
            .Where(r => r.NationalSurveyId == message.NationalSurveyId && r.PrefectureId == message.PrefectureId)
            .ToListAsync(context.CancellationToken);
        foreach (var row in rows.Where(r => r.ReceivedAt <= message.FinalizedAt)) row.Stage = FigureStage.Final;
    }
}
