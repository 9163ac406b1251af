using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Relay;
using DxCollab.Surveys.SpecialForms;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Authoring;

/// <summary>A respondent whose answering time closing would cut short: a granted extension still running, a request for
/// one not yet decided, or an answer returned (差戻し) and not yet resubmitted (<see cref="Returned"/>: closing leaves it
/// without an answer, and a relayed survey's 確報 without its figure).</summary>
public sealed record OpenExtension(string RespondentCode, string RespondentName, bool Pending, DateOnly Deadline, string? Reason, bool Returned = false)
{
    public string KindName => Returned ? "差し戻して再提出待ち" : Pending ? "延長の申出（未回答）" : "延長を承認済み";
}

/// <summary>Closing and reopening (再開) a survey.
/// <list type="bullet">
/// <item>Closing while an extension is running or a request is pending is refused (409 listing them) unless confirmed.</item>
/// <item>Reopening a closed survey, with a reason, lets the prefecture return answers (差戻し) and the 団体 resubmit.
/// The deadline does not move: after it only returned answers (and extensions still running) can be changed; the
/// staff may still extend the deadline as for any open survey. A reopened survey sends no automatic reminders or
/// escalations; 還元 and a vote's result wait until it is closed again. A vote whose result was announced is not
/// reopened. Only the respondents who can change their answer now are told.</item>
/// <item>A relayed national survey: each resubmission reaches the national side as 速報 (the changed figures are listed
/// there); closing it again after a reopening declares the corrected figures 確報.</item>
/// </list>
/// Each respondent's history records the reopening (with the reason) and the closing that follows it.</summary>
public sealed partial class SurveyAuthoring
{
    public const int MaxReopenReason = 1000;

    /// <param name="confirm">The caller has seen the running extensions and pending requests and closes anyway.</param>
    public async Task<Outcome<SurveyDetail>> CloseAsync(long id, bool confirm, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (survey, refusal) = await LoadForAuthoringAsync(id, user, ct);
        if (survey is null) return refusal!.As<SurveyDetail>();
        if (survey.State != SurveyState.Published) return Outcome<SurveyDetail>.Conflict("締め切れるのは回答受付中の照会だけです。");
        if (!confirm && await OpenExtensionsAsync(survey, ct) is { Count: > 0 } open)
            return Outcome<SurveyDetail>.Conflict(
                $"期限延長中、延長の申出に未回答、または差し戻して再提出を待っている団体が {open.Count} あります（{string.Join("、", open.Select(o => o.RespondentName))}）。" +
                "確認のうえ締め切る場合は、確認の指定（confirm=true）をつけてください。", "confirm");
        var reopened = survey.IsReopened;
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await MoveAsync(survey, SurveyState.Published, SurveyState.Closed, ct))
            return Outcome<SurveyDetail>.Conflict("この照会はほかの職員がすでに締め切りました。");
        survey.State = SurveyState.Closed;
        survey.ClosedAt = now;
        Touch(survey, user);
        if (reopened)
        {
            await RecordAsync(survey, ResponseEventKind.Reclosed, user.ActorLabel(), "修正のための再開を終え、再び締め切りました", ct);
            // Corrections are done: the corrected figures are the prefecture's 確報.
            if (survey.NationalSurveyId is { } nationalId
                && await db.Set<ReceivedNationalSurvey>().FirstOrDefaultAsync(r => r.NationalSurveyId == nationalId, ct) is { } received)
                await NationalFigures.DeclareFinalAsync(db, received, user.ActorLabel(), now, ct);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await GetAsync(id, user, ct);
    }

    /// <summary>再開: a closed survey accepts corrections again (see the class summary for what it does and does not do).</summary>
    public async Task<Outcome<SurveyDetail>> ReopenAsync(long id, string? reason, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (survey, refusal) = await LoadForAuthoringAsync(id, user, ct, allowClosed: true);
        if (survey is null) return refusal!.As<SurveyDetail>();
        if (survey.State != SurveyState.Closed) return Outcome<SurveyDetail>.Conflict("再開できるのは締め切った照会だけです。");
        if (InputRefusals.Text<SurveyDetail>("reason", reason, "再開する理由を入力してください（回答先への通知と履歴に残ります）。") is { } typed) return typed;
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) return Outcome<SurveyDetail>.Invalid("reason", "再開する理由を入力してください（回答先への通知と履歴に残ります）。");
        if (text.Length > MaxReopenReason) return Outcome<SurveyDetail>.Invalid("reason", $"再開する理由は {MaxReopenReason} 文字以内にしてください。");
        // A result already reported to the members is not changed silently afterwards.
        if (await ReopenRefusalAsync(survey, ct) is { } announced) return Outcome<SurveyDetail>.Conflict(announced);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await MoveAsync(survey, SurveyState.Closed, SurveyState.Published, ct))
            return Outcome<SurveyDetail>.Conflict("この照会はほかの職員がすでに再開しました。");
        // Again under the row lock: the vote-result job may have announced while this request was checking (it holds the
        // same row while it writes its notices). Leaving without committing rolls the move back.
        if (await ReopenRefusalAsync(survey, ct) is { } announcedMeanwhile) return Outcome<SurveyDetail>.Conflict(announcedMeanwhile);
        survey.State = SurveyState.Published; // ClosedAt stays: a published survey that was closed is a reopened one
        Touch(survey, user);
        await RecordAsync(survey, ResponseEventKind.Reopened, user.ActorLabel(), $"修正のため再開: {text}", ct);
        await NotifyAsync(await MayChangeNowAsync(survey, ct), new NotificationMessage(NotificationCategory,
            $"照会「{JapaneseText.Shorten(survey.Title)}」が修正のため再開されました",
            $"理由: {text}\n差し戻された回答は、直してもう一度提出してください。", Link(survey))
        {
            SourceKey = $"Survey:{survey.Id}:reopened:{survey.UpdatedAt.Ticks}",
        }, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await GetAsync(id, user, ct);
    }

    /// <summary>Why a closed survey cannot be reopened, or null: a vote whose result was announced is not changed
    /// silently afterwards. The detail page shows this instead of the reopen form.</summary>
    public async Task<string?> ReopenRefusalAsync(long id, CancellationToken ct = default) =>
        await Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } survey ? await ReopenRefusalAsync(survey, ct) : null;

    private async Task<string?> ReopenRefusalAsync(Survey survey, CancellationToken ct)
    {
        var announced = VoteResultService.SourceKey(survey.Id);
        return survey.Kind == SurveyKind.WrittenVote && await db.Notifications.AnyAsync(n => n.SourceKey == announced, ct)
            ? "表決の結果をすでに構成団体にお知らせしたため、再開できません。改めて諮る場合は新しい書面会議を作成してください。"
            : null;
    }

    /// <summary>Moves the survey's state in the database only if it is still <paramref name="from"/>: of two staff closing
    /// or reopening at once, the second waits for the first's row lock and is told, so history and notices are written
    /// once. The caller holds a transaction, so the move and the rest of its change commit together.</summary>
    private async Task<bool> MoveAsync(Survey survey, SurveyState from, SurveyState to, CancellationToken ct) =>
        await Surveys.Where(s => s.Id == survey.Id && s.State == from)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.State, to), ct) == 1;

    /// <summary>Running extensions and pending requests of an open survey (empty otherwise), for the close warning.</summary>
    public async Task<IReadOnlyList<OpenExtension>> OpenExtensionsAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayAuthor()) return [];
        var survey = await Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return survey is { State: SurveyState.Published } ? await OpenExtensionsAsync(survey, ct) : [];
    }

    private async Task<IReadOnlyList<OpenExtension>> OpenExtensionsAsync(Survey survey, CancellationToken ct)
    {
        var today = Today;
        var granted = await Responses.AsNoTracking()
            .Where(r => r.SurveyId == survey.Id && r.State != ResponseState.Submitted && r.ExtendedDeadline != null
                        && r.ExtendedDeadline > survey.Deadline && r.ExtendedDeadline >= today)
            .Select(r => new { r.RespondentCode, Deadline = r.ExtendedDeadline!.Value }).ToListAsync(ct);
        var pending = await (from e in db.Set<SurveyExtensionRequest>().AsNoTracking()
                             join r in Responses.AsNoTracking() on e.ResponseId equals r.Id
                             where e.SurveyId == survey.Id && e.Decision == ExtensionDecision.Pending && r.State != ResponseState.Submitted
                             select new { r.RespondentCode, e.RequestedDeadline, e.Reason }).ToListAsync(ct);
        var returned = await Responses.AsNoTracking().Where(r => r.SurveyId == survey.Id && r.State == ResponseState.Returned)
            .Select(r => new { r.RespondentCode, r.ExtendedDeadline, r.ReturnComment }).ToListAsync(ct);
        if (granted.Count == 0 && pending.Count == 0 && returned.Count == 0) return [];
        var names = await FollowUp.Roster.NamesAsync(db, granted.Select(g => g.RespondentCode).Concat(pending.Select(p => p.RespondentCode))
            .Concat(returned.Select(r => r.RespondentCode)).Distinct().ToList(), ct);
        return granted.Select(g => new OpenExtension(g.RespondentCode, names[g.RespondentCode].Name, false, g.Deadline, null))
            .Concat(pending.Select(p => new OpenExtension(p.RespondentCode, names[p.RespondentCode].Name, true, p.RequestedDeadline, p.Reason)))
            .Concat(returned.Select(r => new OpenExtension(r.RespondentCode, names[r.RespondentCode].Name, false,
                SurveyResponse.EffectiveDeadline(r.ExtendedDeadline, survey.Deadline), r.ReturnComment, Returned: true)))
            .OrderBy(o => o.RespondentCode, StringComparer.Ordinal).ThenBy(o => o.Pending).ToList();
    }

    /// <summary>The respondents a reopening concerns: those whose answer can be changed now — returned ones, and those not
    /// submitted whose deadline (or granted extension) has not passed. A submitted 団体 is told when its answer is returned.</summary>
    private async Task<List<string>> MayChangeNowAsync(Survey survey, CancellationToken ct)
    {
        var today = Today;
        var open = await Responses.AsNoTracking().Where(r => r.SurveyId == survey.Id && r.State != ResponseState.Submitted)
            .Select(r => new { r.RespondentCode, r.State, r.ExtendedDeadline }).ToListAsync(ct);
        return open.Where(r => r.State == ResponseState.Returned || SurveyResponse.EffectiveDeadline(r.ExtendedDeadline, survey.Deadline) >= today)
            .Select(r => r.RespondentCode).ToList();
    }

    /// <summary>One history entry per respondent, as an additive form change records it.</summary>
    private async Task RecordAsync(Survey survey, ResponseEventKind kind, string actor, string detail, CancellationToken ct)
    {
        var now = Now;
        var ids = await Responses.AsNoTracking().Where(r => r.SurveyId == survey.Id).Select(r => r.Id).ToListAsync(ct);
        foreach (var responseId in ids)
            db.Add(new SurveyResponseEvent { SurveyId = survey.Id, ResponseId = responseId, Kind = kind, At = now, By = actor, Detail = detail });
    }
}
