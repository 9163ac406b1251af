using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Contracts;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using DxCollab.Surveys.Prefill;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Answering;

/// <summary>One respondent's answer: read, save the draft (any officer of the 団体; a save made from an older version is
/// refused with the current draft, so the second of two officers loses nothing), submit (checked; published once per
/// submission through the outbox), and the prefecture's side (差戻し, 期限延長) in <c>ResponseService.Review.cs</c>.
/// Another 団体's answer is "not found": its existence is not the reader's to learn.
/// Each operation is a step on a <see cref="LoadedResponse"/> (loaded once per request); the public methods taking ids
/// load, run one step and build the view, and the answer page runs several steps on one load.</summary>
public sealed partial class ResponseService(DxCollabDbContext db, SurveyPrefiller prefiller, ResponseNotices notices, TimeProvider clock)
{
    public async Task<Outcome<ResponseView>> GetAsync(long surveyId, string code, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var found = await LoadAsync(surveyId, code, user, tracked: false, ct);
        return found.Succeeded ? Outcome<ResponseView>.Ok(await ViewAsync(found.Value!, ct)) : found.As<ResponseView>();
    }

    /// <param name="allowFileIds">Files just uploaded for this answer (<see cref="ResponseFiles"/>), which the answer may now refer to.</param>
    public async Task<Outcome<ResponseView>> SaveDraftAsync(long surveyId, string code, DraftInput input, ClaimsPrincipal user,
        CancellationToken ct = default, IReadOnlyCollection<long>? allowFileIds = null)
    {
        var found = await LoadAsync(surveyId, code, user, tracked: true, ct);
        if (!found.Succeeded) return found.As<ResponseView>();
        return await SaveDraftAsync(found.Value!, input, ct, allowFileIds) ?? Outcome<ResponseView>.Ok(await ViewAsync(found.Value!, ct));
    }

    /// <summary>Submits; when <paramref name="draft"/> is given it is saved first, so an answer refused for a missing or
    /// wrong value is never lost (the refusal carries the saved view and its errors).</summary>
    public async Task<Outcome<ResponseView>> SubmitAsync(long surveyId, string code, DraftInput draft, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var found = await LoadAsync(surveyId, code, user, tracked: true, ct);
        if (!found.Succeeded) return found.As<ResponseView>();
        // Just checked: the view after a submission has nothing left to report.
        return await SubmitAsync(found.Value!, draft, ct) ?? Outcome<ResponseView>.Ok(await ViewAsync(found.Value!, ct, errors: []));
    }

    /// <summary>「確認」: prefilled answers accepted as they are (<paramref name="keys"/> null or empty = all of them).</summary>
    public async Task<Outcome<ResponseView>> ConfirmAsync(long surveyId, string code, int version, IReadOnlyCollection<string>? keys,
        ClaimsPrincipal user, CancellationToken ct = default)
    {
        var found = await LoadAsync(surveyId, code, user, tracked: true, ct);
        if (!found.Succeeded) return found.As<ResponseView>();
        return await ConfirmAsync(found.Value!, version, keys, ct) ?? Outcome<ResponseView>.Ok(await ViewAsync(found.Value!, ct));
    }

    /// <summary>The survey and response when the user may read them (tracked when a step is to change them); otherwise
    /// "not found". Whether the user may change the answer is each step's check.</summary>
    public async Task<Outcome<LoadedResponse>> LoadAsync(long surveyId, string code, ClaimsPrincipal user, bool tracked, CancellationToken ct = default)
    {
        var found = await VisibleSurveys.FindAnswerAsync(db, user, surveyId, code, tracked, "この照会の回答は見つかりません。", ct);
        return found.Succeeded ? Outcome<LoadedResponse>.Ok(new LoadedResponse(found.Value.Survey, found.Value.Response, user)) : found.As<LoadedResponse>();
    }

    // ---- steps on a loaded response: null when done, else the refusal (with the view when it has one to show) ----

    /// <summary>Merges and saves the draft: null when saved, else the refusal (not the respondent's, locked, stale version).</summary>
    public async Task<Outcome<ResponseView>?> SaveDraftAsync(LoadedResponse loaded, DraftInput input, CancellationToken ct,
        IReadOnlyCollection<long>? allowFileIds = null)
    {
        if (MayNotChange(loaded) is { } refused) return refused;
        if (input.Version != loaded.Version) return await StaleAsync(loaded, loaded.Response, ct);
        var form = loaded.Form;
        // NUL, bidi overrides, invisible-only text: refused before anything is stored (the page shows what was typed).
        var typed = input.Answers.Where(p => p.Value is not null && form.Find(p.Key) is not null)
            .SelectMany(p => AnswerValidator.TypedText(form.Find(p.Key)!, p.Value)).ToList();
        if (typed.Count > 0) return new(OutcomeKind.Invalid, await ViewAsync(loaded, ct, typed), typed[0].Field, typed[0].Message);
        var answers = await AnswersAsync(loaded, ct);
        var now = Now;
        var actor = loaded.User.ActorLabel();
        var changed = 0;
        foreach (var (key, given) in input.Answers)
        {
            if (form.Find(key) is null) continue; // a key the form does not have is not an answer
            var before = answers[key];
            var after = Clean(given ?? new Answer(), before, allowFileIds ?? []); // "q1": null clears the answer
            if (SameValue(before ?? new Answer(), after)) continue;
            changed++;
            after.PrefilledFrom = before?.PrefilledFrom;
            after.Confirmed = before?.PrefilledFrom is not null; // editing a prefilled value confirms it
            after.EditedAt = now;
            after.EditedBy = actor;
            answers.Answers[key] = after;
        }
        // Nothing changed (an autosave of an untouched form, 提出 right after 一時保存): no new version, no event.
        if (changed == 0 && loaded.Response.State != ResponseState.NotStarted) return null;
        Touch(loaded, answers, actor);
        AddEvent(loaded.Response, ResponseEventKind.Saved, actor, null);
        return await SaveChangesAsync(loaded, ct);
    }

    /// <summary>Submits (the draft, when given, saved first): null when submitted, else the refusal; a check that fails
    /// carries the saved view with every error.</summary>
    public async Task<Outcome<ResponseView>?> SubmitAsync(LoadedResponse loaded, DraftInput draft, CancellationToken ct)
    {
        if (MayNotChange(loaded) is { } refused) return refused;
        var response = loaded.Response;
        if (draft.Answers.Count > 0)
        {
            if (await SaveDraftAsync(loaded, draft, ct) is { } notSaved) return notSaved;
        }
        else if (draft.Version != response.Version)
            return await StaleAsync(loaded, response, ct);

        // What is checked is what is stored (an untouched draft's prefill is not an answer until saved).
        if (loaded.Answers is null || loaded.HoldsUnsavedPrefill) SetAnswers(loaded, AnswerSet.FromJson(response.AnswersJson));
        var answers = loaded.Answers!;
        var errors = AnswerValidator.Validate(loaded.Form, answers, forSubmit: true);
        if (errors.Count > 0)
        {
            var view = await ViewAsync(loaded, ct, errors);
            return new(OutcomeKind.Invalid, view, errors[0].Field, $"提出できません。{errors.Count}件の回答を直してください（入力した内容は一時保存しました）。");
        }
        var survey = loaded.Survey;
        var now = Now;
        var actor = loaded.User.ActorLabel();
        var resubmission = response.State == ResponseState.Returned;
        response.State = ResponseState.Submitted;
        response.SubmittedAt = now;
        response.SubmittedBy = actor;
        response.Version++;
        response.LastActivityAt = now;
        AddEvent(response, ResponseEventKind.Submitted, actor, resubmission ? "差戻し後の再提出" : null);
        db.AddIntegrationEvent(new SurveyResponseSubmitted(db.CurrentTenantId!, survey.Id, response.RespondentCode, now),
            aggregateKey: $"survey-response:{survey.Id}:{response.RespondentCode}");
        if (resubmission) await notices.ResubmittedAsync(survey, response, ct);
        return await SaveChangesAsync(loaded, ct);
    }

    /// <summary>「確認」 of prefilled answers (<paramref name="keys"/> null or empty = all): null when done, else the refusal.</summary>
    public async Task<Outcome<ResponseView>?> ConfirmAsync(LoadedResponse loaded, int version, IReadOnlyCollection<string>? keys, CancellationToken ct)
    {
        if (MayNotChange(loaded) is { } refused) return refused;
        if (version != loaded.Version) return await StaleAsync(loaded, loaded.Response, ct);
        var answers = await AnswersAsync(loaded, ct);
        var now = Now;
        var actor = loaded.User.ActorLabel();
        var confirmed = 0;
        foreach (var (key, answer) in answers.Answers)
        {
            if (!answer.AwaitsConfirmation || (keys is { Count: > 0 } && !keys.Contains(key))) continue;
            answer.Confirmed = true;
            answer.EditedAt = now;
            answer.EditedBy = actor;
            confirmed++;
        }
        if (confirmed == 0) return null;
        Touch(loaded, answers, actor);
        AddEvent(loaded.Response, ResponseEventKind.Saved, actor, $"前回の回答などから入力された{confirmed}件を確認");
        return await SaveChangesAsync(loaded, ct);
    }

    /// <summary>403 for a reader who may not answer (staff reading a 団体's answer), 409 when the answer is locked; else null.</summary>
    private Outcome<ResponseView>? MayNotChange(LoadedResponse loaded)
    {
        if (!loaded.User.MayAnswerFor(loaded.RespondentCode))
            return Outcome<ResponseView>.Forbidden("回答を入力・提出できるのは、その団体の担当者だけです。");
        return LockedReason(loaded.Survey, loaded.Response) is { } locked ? Outcome<ResponseView>.Conflict(locked) : null;
    }

    /// <summary>The answer as the respondent may set it: file ids only among those already attached (files are added by
    /// upload, so a client can never point its answer at another 団体's file).</summary>
    private static Answer Clean(Answer given, Answer? before, IReadOnlyCollection<long> uploaded) => new()
    {
        Value = given.Value,
        Choices = given.Choices is { Count: > 0 } ? [.. given.Choices.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct()] : null,
        Other = string.IsNullOrWhiteSpace(given.Other) ? null : given.Other,
        FileIds = given.FileIds is null ? before?.FileIds
            : [.. given.FileIds.Distinct().Where(id => before?.FileIds?.Contains(id) == true || uploaded.Contains(id))],
        // A row sent as null is an empty row (never a null the readers would trip on).
        Cells = given.Cells?.Where(r => r.Key is not null).ToDictionary(r => r.Key, r => r.Value ?? []),
    };

    private static bool SameValue(Answer a, Answer b) =>
        (a.Value ?? "") == (b.Value ?? "") && (a.Other ?? "") == (b.Other ?? "")
        && (a.Choices ?? []).SequenceEqual(b.Choices ?? []) && (a.FileIds ?? []).SequenceEqual(b.FileIds ?? [])
        && CellsText(a) == CellsText(b);

    private static string CellsText(Answer a) => a.Cells is null ? "" : string.Join("|", a.Cells.OrderBy(r => r.Key, StringComparer.Ordinal)
        .SelectMany(r => r.Value.Where(c => !string.IsNullOrWhiteSpace(c.Value)).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => $"{r.Key}.{c.Key}={c.Value}")));

    private void Touch(LoadedResponse loaded, AnswerSet answers, string actor)
    {
        var now = Now;
        var response = loaded.Response;
        response.AnswersJson = answers.ToJson();
        SetAnswers(loaded, answers);
        response.Version++;
        response.LastSavedAt = now;
        response.LastSavedBy = actor;
        response.LastActivityAt = now;
        if (response.State == ResponseState.NotStarted) response.State = ResponseState.Drafting;
    }

    /// <summary>Saves; a concurrent save that won the race (the version token changed underneath) is answered as a
    /// stale save: 409 with the draft as it now stands.</summary>
    private async Task<Outcome<ResponseView>?> SaveChangesAsync(LoadedResponse loaded, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<SurveyResponse>().AsNoTracking().FirstAsync(r => r.Id == loaded.Response.Id, ct);
            return await StaleAsync(loaded, current, ct);
        }
    }

    /// <summary>409 with the draft as stored in <paramref name="current"/> (its answers as saved, never prefilled).</summary>
    private async Task<Outcome<ResponseView>> StaleAsync(LoadedResponse loaded, SurveyResponse current, CancellationToken ct)
    {
        var stored = new LoadedResponse(loaded.Survey, current, loaded.User) { Answers = AnswerSet.FromJson(current.AnswersJson) };
        var view = await ViewAsync(stored, ct);
        var by = current.LastSavedBy is null ? "" : $"（{current.LastSavedBy}、{JapaneseCalendar.FormatTokyo(current.LastSavedAt!.Value)}）";
        return new(OutcomeKind.Conflict, view, "version",
            $"この回答は、開いた後にほかの人が保存しました{by}。あなたの入力は保存していません。保存されている内容と見比べて、もう一度保存してください。");
    }

    /// <summary>The answers, read once per load: the stored ones; an untouched draft (never saved) starts from the prefill.</summary>
    private async Task<AnswerSet> AnswersAsync(LoadedResponse loaded, CancellationToken ct)
    {
        if (loaded.Answers is { } known) return known;
        var response = loaded.Response;
        var stored = AnswerSet.FromJson(response.AnswersJson);
        var untouched = response.Version == 0 && response.State == ResponseState.NotStarted;
        loaded.Answers = untouched ? await prefiller.PrefillAsync(loaded.Survey, response.RespondentCode, stored, ct) : stored;
        loaded.HoldsUnsavedPrefill = untouched;
        return loaded.Answers;
    }

    /// <summary>The answers of a loaded response as the respondent sees them (for the file step).</summary>
    internal Task<AnswerSet> AnswersOfAsync(LoadedResponse loaded, CancellationToken ct) => AnswersAsync(loaded, ct);

    /// <summary>Why the loaded answer cannot be changed now, or null.</summary>
    internal string? LockedReasonOf(LoadedResponse loaded) => LockedReason(loaded.Survey, loaded.Response);

    private static void SetAnswers(LoadedResponse loaded, AnswerSet answers)
    {
        loaded.Answers = answers;
        loaded.HoldsUnsavedPrefill = false;
    }

    private void AddEvent(SurveyResponse response, ResponseEventKind kind, string actor, string? detail) =>
        db.Add(new SurveyResponseEvent { SurveyId = response.SurveyId, ResponseId = response.Id, Kind = kind, At = Now, By = actor, Detail = detail });

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => JapaneseCalendar.TodayInTokyo(clock.GetUtcNow());

    /// <summary>Why the answer cannot be changed now, or null.</summary>
    private string? LockedReason(Survey survey, SurveyResponse response) =>
        survey.State switch
        {
            SurveyState.Draft => "この照会はまだ公開されていないため、回答できません。",
            SurveyState.Closed => "この照会は締め切られたため、回答を保存・提出できません。",
            _ when response.State == ResponseState.Submitted => "提出済みの回答は変更できません。直す必要があるときは都道府県に差戻しを依頼してください。",
            // A returned answer may be corrected after the deadline: the prefecture asked for it.
            _ when response.State != ResponseState.Returned && Today > SurveyResponse.EffectiveDeadline(response.ExtendedDeadline, survey.Deadline) =>
                $"回答期限（{JapaneseCalendar.FormatWithWestern(SurveyResponse.EffectiveDeadline(response.ExtendedDeadline, survey.Deadline))}）を過ぎたため、保存・提出できません。期限の延長を申し出てください。",
            _ => null,
        };
}
