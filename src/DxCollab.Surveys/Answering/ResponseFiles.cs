using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
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
        var current = await responses.GetAsync(surveyId, code, user, ct);
        if (!current.Succeeded) return current;
        var view = current.Value!;
        var question = view.Form.Find(questionKey);
        if (question is null) return Outcome<ResponseView>.NotFound($"設問「{questionKey}」はこの照会にありません。");
        var name = AnswerValidator.Name(question);
        if (question.Type != QuestionType.File) return Outcome<ResponseView>.Invalid(questionKey, $"{name}はファイルを添付する設問ではありません。");
        if (!view.MayEdit)
            return user.MayAnswerFor(code) ? Outcome<ResponseView>.Conflict(view.LockedReason ?? "", questionKey)
                : Outcome<ResponseView>.Forbidden("ファイルを添付できるのは、その団体の担当者だけです。");
        var attached = view.Answers[questionKey]?.FileIds ?? [];
        if (attached.Count >= AnswerValidator.MaxFilesPerQuestion)
            return Outcome<ResponseView>.Invalid(questionKey, $"{name}に添付できるファイルは{AnswerValidator.MaxFilesPerQuestion}件までです。");
        var check = await files.CheckAsync(upload, SurveyUploads.Answers, ct);
        if (!check.Accepted)
        {
            var refused = check.ToOutcome<ResponseView>(questionKey);
            return refused with { Message = $"{name}: {refused.Message}" };
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var file = files.Add(FileOwner(code, user), check.File!, user.ActorLabel(), user.UserId());
        await files.SaveAsync(null, ct);
        var previous = view.Answers[questionKey];
        var saved = await responses.SaveDraftAsync(surveyId, code,
            new DraftInput(version, new Dictionary<string, Answer> { [questionKey] = WithFile(previous, file.Id) }), user, ct, allowFileIds: [file.Id]);
        if (!saved.Succeeded) return saved; // the transaction is rolled back: no file is kept for a refused save
        await transaction.CommitAsync(ct);
        return saved;
    }

    public async Task<Outcome<FileDownload>> DownloadAsync(long surveyId, string code, long fileId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var current = await responses.GetAsync(surveyId, code, user, ct);
        var item = current.Value?.Files.FirstOrDefault(f => f.Id == fileId);
        if (item is null) return Outcome<FileDownload>.NotFound("ファイルが見つかりません。");
        var file = await db.Set<StoredFile>().AsNoTracking().FirstAsync(f => f.Id == fileId, ct);
        var content = await files.ReadAsync(file, ct);
        return content is null ? Outcome<FileDownload>.NotFound("ファイルが見つかりません。")
            : Outcome<FileDownload>.Ok(new FileDownload(file.FileName, file.ContentType, content));
    }

    private static Answer WithFile(Answer? previous, long fileId) => new()
    {
        Value = previous?.Value,
        FileIds = [.. previous?.FileIds ?? [], fileId],
    };

    /// <summary>A department's files belong to the prefecture (the platform's files are owned by a 団体).</summary>
    private static string FileOwner(string code, ClaimsPrincipal user) =>
        code.StartsWith('D') ? user.OwnOrganizationCode() ?? code[..Math.Min(code.Length, 6)] : code;
}
