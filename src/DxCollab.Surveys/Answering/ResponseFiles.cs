using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Tenancy;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Answering;

public sealed record FileDownload(string FileName, string ContentType, byte[] Content);

/// <summary>Files of a file question: uploaded into the platform's <see cref="FileStore"/> (purpose
/// <see cref="SurveyUploads.Answers"/>), attached to the draft in the same transaction, downloaded only by the
/// respondent's own officers and the prefecture's staff, and only when the answer refers to the file.</summary>
public sealed class ResponseFiles(DxCollabDbContext db, FileStore files, ResponseService responses)
{
    public async Task<Outcome<ResponseView>> UploadAsync(long surveyId, string code, string questionKey, int version, IFormFile? upload,
        ClaimsPrincipal user, CancellationToken ct = default)
    {
        var found = await responses.LoadAsync(surveyId, code, user, tracked: true, ct);
        if (!found.Succeeded) return found.As<ResponseView>();
        var loaded = found.Value!;
        return await AttachAsync(loaded, questionKey, version, upload, ct) ?? Outcome<ResponseView>.Ok(await responses.ViewAsync(loaded, ct));
    }

    /// <summary>Attaches <paramref name="upload"/> to the file question <paramref name="questionKey"/> of a loaded answer:
    /// null when attached (the draft saved with it), else the refusal; a refused save keeps no file.</summary>
    public async Task<Outcome<ResponseView>?> AttachAsync(LoadedResponse loaded, string questionKey, int version, IFormFile? upload,
        CancellationToken ct)
    {
        var question = loaded.Form.Find(questionKey);
        if (question is null) return Outcome<ResponseView>.NotFound($"設問「{questionKey}」はこの照会にありません。");
        var name = AnswerValidator.Name(question);
        if (question.Type != QuestionType.File) return Outcome<ResponseView>.Invalid(questionKey, $"{name}はファイルを添付する設問ではありません。");
        var (user, code) = (loaded.User, loaded.RespondentCode);
        if (!user.MayAnswerFor(code)) return Outcome<ResponseView>.Forbidden("ファイルを添付できるのは、その団体の担当者だけです。");
        if (responses.LockedReasonOf(loaded) is { } locked) return Outcome<ResponseView>.Conflict(locked, questionKey);
        var previous = (await responses.AnswersOfAsync(loaded, ct))[questionKey];
        if ((previous?.FileIds?.Count ?? 0) >= AnswerValidator.MaxFilesPerQuestion)
            return Outcome<ResponseView>.Invalid(questionKey, $"{name}に添付できるファイルは{AnswerValidator.MaxFilesPerQuestion}件までです。");
        var check = await files.CheckAsync(upload, SurveyUploads.Answers, ct);
        if (!check.Accepted)
        {
            var refused = check.ToOutcome<ResponseView>(questionKey);
            return refused with { Message = $"{name}: {refused.Message}" };
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var file = files.Add(FileOwner(code), check.File!, user.ActorLabel(), user.UserId());
        await files.SaveAsync(null, ct);
        var notSaved = await responses.SaveDraftAsync(loaded,
            new DraftInput(version, new Dictionary<string, Answer> { [questionKey] = WithFile(previous, file.Id) }), ct, allowFileIds: [file.Id]);
        if (notSaved is not null) return notSaved; // the transaction is rolled back: no file is kept for a refused save
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>A file of the answer, for a reader of that answer (<see cref="SurveyAccess"/>): the file must be one the
    /// answer holds. Checked with the answer's row alone, without building the answer's view.</summary>
    public async Task<Outcome<FileDownload>> DownloadAsync(long surveyId, string code, long fileId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var notFound = Outcome<FileDownload>.NotFound("ファイルが見つかりません。");
        var found = await responses.LoadAsync(surveyId, code, user, tracked: false, ct);
        if (!found.Succeeded || !AnswerSet.FromJson(found.Value!.Response.AnswersJson).Answers.Values.Any(a => a.FileIds?.Contains(fileId) == true))
            return notFound;
        // Owner and purpose too: an answer only ever holds its own uploads, and a download never relies on that alone.
        var owner = FileOwner(code, PrefectureCode(db));
        var file = await db.Set<StoredFile>().AsNoTracking()
            .FirstOrDefaultAsync(f => f.Id == fileId && f.DeletedAt == null && f.OrganizationCode == owner, ct);
        var content = file is null ? null : await files.ReadAsync(file, ct);
        return content is null ? notFound : Outcome<FileDownload>.Ok(new FileDownload(file!.FileName, file.ContentType, content));
    }

    private static Answer WithFile(Answer? previous, long fileId) => new()
    {
        Value = previous?.Value,
        FileIds = [.. previous?.FileIds ?? [], fileId],
    };

    /// <summary>The 団体 a respondent's files belong to in the platform's store (a 団体コード, as
    /// <see cref="StoredFile.OrganizationCode"/> is for every module): the respondent's own, and for a prefecture
    /// department (<c>D{id}</c>, not a 団体) the prefecture's.</summary>
    public static string FileOwner(string respondentCode, string prefectureCode) =>
        SurveyResponse.IsDepartmentCode(respondentCode) ? prefectureCode : respondentCode;

    /// <summary>The current tenant's own 団体コード (the prefecture's).</summary>
    public static string PrefectureCode(DxCollabDbContext db) => db.TenantInfo is PrefectureTenant prefecture ? prefecture.Code
        : throw new InvalidOperationException("Survey files are kept only inside a prefecture's tenant.");

    private string FileOwner(string code) => FileOwner(code, PrefectureCode(db));
}
