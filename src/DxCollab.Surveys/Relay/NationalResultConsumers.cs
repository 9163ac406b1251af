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
        await NationalResultRows.ApplyAsync(Db, survey, message.PrefectureId,
            new NationalFigure(message.RespondentCode, message.RespondentName, message.AnswersJson, message.SubmittedAt), _clock.GetUtcNow().UtcDateTime, ct);
    }
}

/// <summary>Host side: one 団体's national figure stored or corrected — the same for a submission's report and for the
/// figures a 確報 carries, so whichever arrives first, the later (or a repeat) changes nothing.</summary>
internal static class NationalResultRows
{
    public static async Task ApplyAsync(DxCollabDbContext db, NationalSurvey survey, string prefectureId, NationalFigure figure, DateTime now, CancellationToken ct)
    {
        var form = survey.Form;
        var answers = NationalAnswerText.NationalOnly(form, AnswerSet.FromJson(figure.AnswersJson));
        // To the microsecond, as PostgreSQL keeps it: the same submission must compare equal to its stored row.
        figure = figure with { SubmittedAt = figure.SubmittedAt.AddTicks(-(figure.SubmittedAt.Ticks % 10)) };
        var row = await db.Set<NationalSurveyResult>().FirstOrDefaultAsync(r => r.NationalSurveyId == survey.Id
            && r.PrefectureId == prefectureId && r.RespondentCode == figure.RespondentCode, ct);
        if (row is null)
        {
            db.Add(new NationalSurveyResult
            {
                NationalSurveyId = survey.Id, PrefectureId = prefectureId, RespondentCode = figure.RespondentCode,
                RespondentName = figure.RespondentName, AnswersJson = answers.ToJson(), SubmittedAt = figure.SubmittedAt, ReceivedAt = now, Revision = 1,
            });
            return;
        }
        if (row.SubmittedAt >= figure.SubmittedAt) return;
        var before = AnswerSet.FromJson(row.AnswersJson);
        var revision = row.Revision + 1;
        foreach (var question in form.Questions)
        {
            string? was = NationalAnswerText.Of(before[question.Key]), now2 = NationalAnswerText.Of(answers[question.Key]);
            if (was == now2) continue;
            db.Add(new NationalSurveyChange
            {
                NationalSurveyId = survey.Id, PrefectureId = row.PrefectureId, RespondentCode = row.RespondentCode, RespondentName = figure.RespondentName,
                QuestionKey = question.Key, Before = Clip(was), After = Clip(now2), ChangedAt = now, Revision = revision,
            });
        }
        row.AnswersJson = answers.ToJson();
        row.RespondentName = figure.RespondentName;
        row.SubmittedAt = figure.SubmittedAt;
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
    private readonly TimeProvider _clock = clock;

    protected override async Task HandleAsync(ConsumeContext<NationalFiguresFinalized> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        var survey = await Db.Set<NationalSurvey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == message.NationalSurveyId, ct)
                     ?? throw new InvalidOperationException($"No national survey {message.NationalSurveyId}.");
        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var figure in message.Figures) await NationalResultRows.ApplyAsync(Db, survey, message.PrefectureId, figure, now, ct);
        await Db.Set<NationalSurveyResult>()
            .Where(r => r.NationalSurveyId == message.NationalSurveyId && r.PrefectureId == message.PrefectureId)
            .LoadAsync(ct);
        // Tracked rows: those stored before and those the figures just added. Final by when each was submitted, not when
        // it arrived: a correction's own report may come after the declaration. Only the 団体 the declaration carries: one
        // whose answer was returned (差戻し) and not resubmitted is not declared, and its earlier figure stays 速報.
        var declared = message.Figures.Select(f => f.RespondentCode).ToHashSet(StringComparer.Ordinal);
        foreach (var row in Db.Set<NationalSurveyResult>().Local.Where(r => r.NationalSurveyId == message.NationalSurveyId
                     && r.PrefectureId == message.PrefectureId && r.SubmittedAt <= message.FinalizedAt && declared.Contains(r.RespondentCode)))
            row.Stage = FigureStage.Final;
    }
}
