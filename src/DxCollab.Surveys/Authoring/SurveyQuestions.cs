using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Threads;
using Microsoft.AspNetCore.Http;

namespace DxCollab.Surveys.Authoring;

/// <summary>Questions about one survey: the platform's <see cref="ThreadService"/> under the subject "survey", only for
/// a survey the user may see. An officer of a 団体 on the roster asks; the prefecture's staff answer. Either side may
/// attach files (the platform checks them against the purpose <see cref="SurveyThreadSubject.UploadPurposeName"/>).</summary>
public sealed class SurveyQuestions(ThreadService threads, SurveyAuthoring surveys)
{
    public async Task<Outcome<IReadOnlyList<ThreadSummary>>> ListAsync(long surveyId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var survey = await surveys.GetAsync(surveyId, user, ct);
        if (!survey.Succeeded) return survey.As<IReadOnlyList<ThreadSummary>>();
        var key = SurveyThreadSubject.Key(surveyId);
        return await threads.ListAsync(SurveyThreadSubject.Type, user, visible => visible.Where(t => t.SubjectKey == key), ct);
    }

    public async Task<Outcome<ThreadView>> OpenAsync(long surveyId, string? title, string? body, IReadOnlyList<IFormFile> attachments, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var survey = await surveys.GetAsync(surveyId, user, ct);
        if (!survey.Succeeded) return survey.As<ThreadView>();
        if (survey.Value!.OwnRespondentCode is not { } own)
            return Outcome<ThreadView>.Forbidden("照会への質問を登録できるのは、回答先の団体の担当者だけです（都道府県の職員は回答する側です）。");
        return await threads.OpenAsync(new NewThread(SurveyThreadSubject.Type, SurveyThreadSubject.Key(surveyId), own, title, body), attachments, user, ct);
    }

    public async Task<Outcome<ThreadView>> GetAsync(long surveyId, long threadId, ClaimsPrincipal user, CancellationToken ct = default) =>
        OfSurvey(surveyId, await threads.GetAsync(SurveyThreadSubject.Type, threadId, user, ct));

    public async Task<Outcome<ThreadView>> ReplyAsync(long surveyId, long threadId, string? body, IReadOnlyList<IFormFile> attachments,
        ClaimsPrincipal user, CancellationToken ct = default)
    {
        var current = await GetAsync(surveyId, threadId, user, ct);
        return current.Succeeded ? await threads.ReplyAsync(SurveyThreadSubject.Type, threadId, body, attachments, user, ct) : current;
    }

    /// <summary>A file attached to a message of the thread, for those who take part in it (else "not found").</summary>
    public async Task<Outcome<AttachmentDownload>> DownloadAttachmentAsync(long surveyId, long threadId, long attachmentId, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var current = await GetAsync(surveyId, threadId, user, ct);
        return current.Succeeded ? await threads.DownloadAttachmentAsync(SurveyThreadSubject.Type, threadId, attachmentId, user, ct)
            : current.As<AttachmentDownload>();
    }

    public async Task<Outcome<ThreadView>> SetClosedAsync(long surveyId, long threadId, bool close, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var current = await GetAsync(surveyId, threadId, user, ct);
        return current.Succeeded ? await threads.SetClosedAsync(SurveyThreadSubject.Type, threadId, close, null, user, ct) : current;
    }

    /// <summary>A thread of another survey reached through this survey's address is "not found".</summary>
    private static Outcome<ThreadView> OfSurvey(long surveyId, Outcome<ThreadView> outcome) =>
        outcome.Succeeded && outcome.Value!.Thread.SubjectKey != SurveyThreadSubject.Key(surveyId)
            ? Outcome<ThreadView>.NotFound("照会への質問が見つかりません。")
            : outcome;
}
