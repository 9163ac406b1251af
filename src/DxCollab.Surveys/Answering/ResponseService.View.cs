using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Answering;

public sealed partial class ResponseService
{
    /// <summary>The view of a loaded response as it now stands (after the steps run on it): the answers, their files,
    /// extensions and what the reader may do. <paramref name="errors"/>: the check already made, or null to check here.</summary>
    public async Task<ResponseView> ViewAsync(LoadedResponse loaded, CancellationToken ct, IReadOnlyList<AnswerError>? errors = null)
    {
        var (survey, response, user) = (loaded.Survey, loaded.Response, loaded.User);
        var form = survey.Form;
        var answers = await AnswersAsync(loaded, ct);
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
            LastSavedAt = response.LastSavedAt.AsUtc(), LastSavedBy = response.LastSavedBy, SubmittedAt = response.SubmittedAt.AsUtc(),
            SubmittedBy = response.SubmittedBy, ReturnedAt = response.ReturnedAt.AsUtc(), ReturnedBy = response.ReturnedBy,
            ReturnComment = response.ReturnComment, Form = form, Answers = answers,
            Errors = errors ?? AnswerValidator.Validate(form, answers, forSubmit: true),
            Files = [.. fileIds.Join(files, f => f.Id, s => s.Id, (f, s) => new FileItem(s.Id, f.Key, s.FileName, s.ContentType, s.Length,
                s.UploadedAt.AsUtc(), s.UploadedBy))],
            Extensions = [.. extensions.Select(View)],
            LockedReason = locked,
            MayEdit = mayAnswer && locked is null,
            MayReturn = user.MayAuthor() && response.State == ResponseState.Submitted && survey.State != SurveyState.Draft,
            MayDecideExtension = user.MayAuthor() && extensions.Any(e => e.Decision == ExtensionDecision.Pending),
            MayRequestExtension = mayAnswer && survey.State == SurveyState.Published && response.State != ResponseState.Submitted
                && extensions.All(e => e.Decision != ExtensionDecision.Pending),
        };
    }

    private Task<string> RespondentNameAsync(SurveyResponse response, CancellationToken ct) =>
        FollowUp.Roster.NameAsync(db, response.RespondentCode, ct);
}
