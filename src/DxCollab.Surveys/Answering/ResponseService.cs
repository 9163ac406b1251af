using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
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
/// Another 団体's answer is "not found": its existence is not the reader's to learn.</summary>
public sealed partial class ResponseService(DxCollabDbContext db, SurveyPrefiller prefiller, ResponseNotices notices, TimeProvider clock)
{
    public async Task<Outcome<ResponseView>> GetAsync(long surveyId, string code, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var found = await LoadAsync(surveyId, code, user, tracked: false, ct);
        if (!found.Succeeded) return found.As<ResponseView>();
        var (survey, response) = found.Value;
        return Outcome<ResponseView>.Ok(await ViewAsync(survey, response, await CurrentAnswersAsync(survey, response, ct), user, ct));
    }

    /// <param name="allowFileIds">Files just uploaded for this answer (<see cref="ResponseFiles"/>), which the answer may now refer to.</param>
    public async Task<Outcome<ResponseView>> SaveDraftAsync(long surveyId, string code, DraftInput input, ClaimsPrincipal user,
        CancellationToken ct = default, IReadOnlyCollection<long>? allowFileIds = null)
    {
        var found = await LoadForAnswerAsync(surveyId, code, user, ct);
        if (!found.Succeeded) return found.As<ResponseView>();
        var (survey, response) = found.Value;
        var saved = await SaveAsync(survey, response, input, user, ct, allowFileIds);
        return saved ?? Outcome<ResponseView>.Ok(await ViewAsync(survey, response, AnswerSet.FromJson(response.AnswersJson), user, ct));
    }

    /// <summary>Submits; when <paramref name="draft"/> is given it is saved first, so an answer refused for a missing or
    /// wrong value is never lost (the refusal carries the saved view and its errors).</summary>
    public async Task<Outcome<ResponseView>> SubmitAsync(long surveyId, string code, DraftInput draft, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var found = await LoadForAnswerAsync(surveyId, code, user, ct);
        if (!found.Succeeded) return found.As<ResponseView>();
        var (survey, response) = found.Value;
        if (draft.Answers.Count > 0)
        {
            if (await SaveAsync(survey, response, draft, user, ct) is { } refused) return refused;
        }
        else if (draft.Version != response.Version)
            return await StaleAsync(survey, response, user, ct);

        var answers = AnswerSet.FromJson(response.AnswersJson);
        var errors = AnswerValidator.Validate(survey.Form, answers, forSubmit: true);
        if (errors.Count > 0)
        {
            var view = await ViewAsync(survey, response, answers, user, ct);
            return new(OutcomeKind.Invalid, view, errors[0].Field, $"提出できません。{errors.Count}件の回答を直してください（入力した内容は一時保存しました）。");
        }
        var now = Now;
        var actor = user.ActorLabel();
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
        if (await SaveChangesAsync(survey, response, user, ct) is { } conflict) return conflict;
        return Outcome<ResponseView>.Ok(await ViewAsync(survey, response, answers, user, ct));
    }

    /// <summary>「確認」: prefilled answers accepted as they are (<paramref name="keys"/> null or empty = all of them).</summary>
    public async Task<Outcome<ResponseView>> ConfirmAsync(long surveyId, string code, int version, IReadOnlyCollection<string>? keys,
        ClaimsPrincipal user, CancellationToken ct = default)
    {
        var found = await LoadForAnswerAsync(surveyId, code, user, ct);
        if (!found.Succeeded) return found.As<ResponseView>();
        var (survey, response) = found.Value;
        if (version != response.Version) return await StaleAsync(survey, response, user, ct);
        var answers = await CurrentAnswersAsync(survey, response, ct);
        var now = Now;
        var actor = user.ActorLabel();
        var confirmed = 0;
        foreach (var (key, answer) in answers.Answers)
        {
            if (!answer.AwaitsConfirmation || (keys is { Count: > 0 } && !keys.Contains(key))) continue;
            answer.Confirmed = true;
            answer.EditedAt = now;
            answer.EditedBy = actor;
            confirmed++;
        }
        if (confirmed > 0)
        {
            Touch(response, answers, actor);
            AddEvent(response, ResponseEventKind.Saved, actor, $"前回の回答などから入力された{confirmed}件を確認");
            if (await SaveChangesAsync(survey, response, user, ct) is { } conflict) return conflict;
        }
        return Outcome<ResponseView>.Ok(await ViewAsync(survey, response, answers, user, ct));
    }

    /// <summary>Merges and saves the draft; null when saved, else the refusal (stale version, locked answer).</summary>
    private async Task<Outcome<ResponseView>?> SaveAsync(Survey survey, SurveyResponse response, DraftInput input, ClaimsPrincipal user,
        CancellationToken ct, IReadOnlyCollection<long>? allowFileIds = null)
    {
        if (input.Version != response.Version) return await StaleAsync(survey, response, user, ct);
        var form = survey.Form;
        var answers = await CurrentAnswersAsync(survey, response, ct);
        var now = Now;
        var actor = user.ActorLabel();
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
        if (changed == 0 && response.State != ResponseState.NotStarted) return null;
        Touch(response, answers, actor);
        AddEvent(response, ResponseEventKind.Saved, actor, null);
        return await SaveChangesAsync(survey, response, user, ct);
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

    private void Touch(SurveyResponse response, AnswerSet answers, string actor)
    {
        var now = Now;
        response.AnswersJson = answers.ToJson();
        response.Version++;
        response.LastSavedAt = now;
        response.LastSavedBy = actor;
        response.LastActivityAt = now;
        if (response.State == ResponseState.NotStarted) response.State = ResponseState.Drafting;
    }

    /// <summary>Saves; a concurrent save that won the race (the version token changed underneath) is answered as a
    /// stale save: 409 with the draft as it now stands.</summary>
    private async Task<Outcome<ResponseView>?> SaveChangesAsync(Survey survey, SurveyResponse response, ClaimsPrincipal user, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<SurveyResponse>().AsNoTracking().FirstAsync(r => r.Id == response.Id, ct);
            return await StaleAsync(survey, current, user, ct);
        }
    }

    private async Task<Outcome<ResponseView>> StaleAsync(Survey survey, SurveyResponse current, ClaimsPrincipal user, CancellationToken ct)
    {
        var view = await ViewAsync(survey, current, AnswerSet.FromJson(current.AnswersJson), user, ct);
        var by = current.LastSavedBy is null ? "" : $"（{current.LastSavedBy}、{JapaneseCalendar.FormatTokyo(current.LastSavedAt!.Value)}）";
        return new(OutcomeKind.Conflict, view, "version",
            $"この回答は、開いた後にほかの人が保存しました{by}。あなたの入力は保存していません。保存されている内容と見比べて、もう一度保存してください。");
    }

    /// <summary>The stored answers; an untouched draft (never saved) starts from the prefill.</summary>
    private async Task<AnswerSet> CurrentAnswersAsync(Survey survey, SurveyResponse response, CancellationToken ct)
    {
        var stored = AnswerSet.FromJson(response.AnswersJson);
        return response.Version == 0 && response.State == ResponseState.NotStarted
            ? await prefiller.PrefillAsync(survey, response.RespondentCode, stored, ct)
            : stored;
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

    /// <summary>The survey and response when the user may read them; otherwise "not found".</summary>
    private async Task<Outcome<(Survey, SurveyResponse)>> LoadAsync(long surveyId, string code, ClaimsPrincipal user, bool tracked,
        CancellationToken ct)
    {
        var notFound = Outcome<(Survey, SurveyResponse)>.NotFound("この照会の回答は見つかりません。");
        if (!user.MayReadAnswerOf(code)) return notFound;
        var survey = await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null) return notFound;
        var responses = db.Set<SurveyResponse>().Where(r => r.SurveyId == surveyId && r.RespondentCode == code);
        var response = await (tracked ? responses : responses.AsNoTracking()).FirstOrDefaultAsync(ct);
        if (response is null || !user.MaySee(survey, ownOrganizationOnRoster: user.IsOfficerOf(code))) return notFound;
        return Outcome<(Survey, SurveyResponse)>.Ok((survey, response));
    }

    /// <summary>As <see cref="LoadAsync"/>, for a change by a respondent: 403 for a reader who may not answer (staff
    /// reading a 団体's answer), 409 when the answer is locked.</summary>
    private async Task<Outcome<(Survey, SurveyResponse)>> LoadForAnswerAsync(long surveyId, string code, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await LoadAsync(surveyId, code, user, tracked: true, ct);
        if (!found.Succeeded) return found;
        var (survey, response) = found.Value;
        if (!user.MayAnswerFor(code))
            return Outcome<(Survey, SurveyResponse)>.Forbidden("回答を入力・提出できるのは、その団体の担当者だけです。");
        if (LockedReason(survey, response) is { } locked) return Outcome<(Survey, SurveyResponse)>.Conflict(locked);
        return found;
    }

    private async Task<ResponseView> ViewAsync(Survey survey, SurveyResponse response, AnswerSet answers, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var form = survey.Form;
        var fileIds = answers.Answers.Where(a => a.Value.FileIds is { Count: > 0 })
            .SelectMany(a => a.Value.FileIds!.Select(id => (Key: a.Key, Id: id))).ToList();
        var ids = fileIds.Select(f => f.Id).ToList();
        var files = ids.Count == 0 ? [] : await db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id) && f.DeletedAt == null).ToListAsync(ct);
        var extensions = await db.Set<SurveyExtensionRequest>().AsNoTracking().Where(e => e.ResponseId == response.Id)
            .OrderByDescending(e => e.RequestedAt).ToListAsync(ct);
        var locked = LockedReason(survey, response);
        var mayAnswer = user.MayAnswerFor(response.RespondentCode);
        return new ResponseView
        {
            SurveyId = survey.Id, SurveyTitle = survey.Title, Purpose = survey.Purpose, LegalBasis = survey.LegalBasis, Contact = survey.Contact,
            SurveyState = survey.State, RespondentCode = response.RespondentCode, RespondentName = await RespondentNameAsync(response, ct),
            State = response.State, Version = response.Version, Deadline = survey.Deadline, ExtendedDeadline = response.ExtendedDeadline,
            LastSavedAt = Utc(response.LastSavedAt), LastSavedBy = response.LastSavedBy, SubmittedAt = Utc(response.SubmittedAt),
            SubmittedBy = response.SubmittedBy, ReturnedAt = Utc(response.ReturnedAt), ReturnedBy = response.ReturnedBy,
            ReturnComment = response.ReturnComment, Form = form, Answers = answers,
            Errors = AnswerValidator.Validate(form, answers, forSubmit: true),
            Files = [.. fileIds.Join(files, f => f.Id, s => s.Id, (f, s) => new FileItem(s.Id, f.Key, s.FileName, s.ContentType, s.Length,
                Utc(s.UploadedAt), s.UploadedBy))],
            Extensions = [.. extensions.Select(e => new ExtensionView(e.Id, e.RequestedDeadline, e.Reason, e.Decision, Utc(e.RequestedAt),
                e.RequestedBy, Utc(e.DecidedAt), e.DecidedBy, e.DecisionComment))],
            LockedReason = locked,
            MayEdit = mayAnswer && locked is null,
            MayReturn = user.MayAuthor() && response.State == ResponseState.Submitted && survey.State != SurveyState.Draft,
            MayDecideExtension = user.MayAuthor() && extensions.Any(e => e.Decision == ExtensionDecision.Pending),
            MayRequestExtension = mayAnswer && survey.State == SurveyState.Published && response.State != ResponseState.Submitted
                && extensions.All(e => e.Decision != ExtensionDecision.Pending),
        };
    }

    private async Task<string> RespondentNameAsync(SurveyResponse response, CancellationToken ct)
    {
        if (response.IsDepartment && long.TryParse(response.RespondentCode[1..], out var departmentId))
            return await db.Set<SurveyDepartment>().AsNoTracking().Where(d => d.Id == departmentId).Select(d => d.Name).FirstOrDefaultAsync(ct)
                ?? response.RespondentCode;
        return await db.Organizations.AsNoTracking().Where(o => o.Code == response.RespondentCode).Select(o => o.Name).FirstOrDefaultAsync(ct)
            ?? response.RespondentCode;
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
    private static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}
