using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Answering;

/// <summary>The prefecture's side of an answer: 差戻し with a comment, and 期限延長 (the respondent asks with a reason
/// and a date, one request pending at a time; the prefecture grants or refuses). Each side is told.</summary>
public sealed partial class ResponseService
{
    public const int CommentMaxLength = 2000;
    public const int ReasonMaxLength = 1000;

    public async Task<Outcome<ResponseView>> ReturnAsync(long surveyId, string code, string? comment, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var found = await LoadAsync(surveyId, code, user, tracked: true, ct);
        if (!found.Succeeded) return found.As<ResponseView>();
        var loaded = found.Value!;
        var (survey, response) = (loaded.Survey, loaded.Response);
        if (!user.MayAuthor()) return Outcome<ResponseView>.Forbidden("差戻しができるのは都道府県の職員だけです。");
        if (InputRefusals.Text<ResponseView>("comment", comment, "差戻しの理由（コメント）を入力してください。") is { } typed) return typed;
        comment = comment?.Trim();
        if (string.IsNullOrEmpty(comment)) return Outcome<ResponseView>.Invalid("comment", "差戻しの理由（コメント）を入力してください。");
        if (comment.Length > CommentMaxLength)
            return Outcome<ResponseView>.Invalid("comment", $"差戻しの理由（コメント）は{CommentMaxLength:#,0}文字以内で入力してください。");
        if (response.State != ResponseState.Submitted) return Outcome<ResponseView>.Conflict("差戻しできるのは提出済みの回答だけです。");
        // A closed survey accepts no answer, so a 差戻し could never be acted on: the survey is reopened first.
        if (survey.State == SurveyState.Closed)
            return Outcome<ResponseView>.Conflict("締切済みの照会の回答は差戻しできません。照会を「修正のため再開」してから差し戻してください。");
        var now = Now;
        var actor = user.ActorLabel();
        response.State = ResponseState.Returned;
        response.ReturnedAt = now;
        response.ReturnedBy = actor;
        response.ReturnComment = comment;
        response.Version++;
        response.LastActivityAt = now;
        AddEvent(response, ResponseEventKind.Returned, actor, comment);
        await notices.ReturnedAsync(survey, response, comment, ct);
        if (await SaveChangesAsync(loaded, ct) is { } conflict) return conflict;
        return Outcome<ResponseView>.Ok(await ViewAsync(loaded, ct));
    }

    public async Task<Outcome<ExtensionView>> RequestExtensionAsync(long surveyId, string code, ExtensionInput input, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var found = await LoadAsync(surveyId, code, user, tracked: true, ct);
        if (!found.Succeeded) return found.As<ExtensionView>();
        var loaded = found.Value!;
        var (survey, response) = (loaded.Survey, loaded.Response);
        if (!user.MayAnswerFor(code)) return Outcome<ExtensionView>.Forbidden("期限の延長を申し出られるのは、その団体の担当者だけです。");
        if (survey.State != SurveyState.Published) return Outcome<ExtensionView>.Conflict("回答を受け付けている照会ではないため、延長を申し出られません。");
        if (response.State == ResponseState.Submitted) return Outcome<ExtensionView>.Conflict("提出済みの回答には延長を申し出られません。");
        if ((InputRefusals.Text<ExtensionView>("reason", input.Reason, "延長を希望する理由を入力してください。")
             ?? InputRefusals.Date<ExtensionView>("requestedDeadline", input.RequestedDeadline)) is { } refused) return refused;
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Outcome<ExtensionView>.Invalid("reason", "延長を希望する理由を入力してください。");
        if (reason.Length > ReasonMaxLength) return Outcome<ExtensionView>.Invalid("reason", $"理由は{ReasonMaxLength:#,0}文字以内で入力してください。");
        var current = SurveyResponse.EffectiveDeadline(response.ExtendedDeadline, survey.Deadline);
        if (input.RequestedDeadline is not { } requested)
            return Outcome<ExtensionView>.Invalid("requestedDeadline", "希望する期限（日付）を入力してください。");
        if (requested <= current)
            return Outcome<ExtensionView>.Invalid("requestedDeadline",
                $"希望する期限は、いまの期限（{JapaneseCalendar.FormatWithWestern(current)}）より後の日にしてください。");
        if (await db.Set<SurveyExtensionRequest>().AnyAsync(e => e.ResponseId == response.Id && e.Decision == ExtensionDecision.Pending, ct))
            return Outcome<ExtensionView>.Conflict("延長の申出はすでに都道府県の回答待ちです。回答があるまで次の申出はできません。");
        var now = Now;
        var actor = user.ActorLabel();
        var request = new SurveyExtensionRequest
        {
            SurveyId = survey.Id, ResponseId = response.Id, RequestedDeadline = requested, Reason = reason, RequestedAt = now, RequestedBy = actor,
        };
        db.Add(request);
        response.LastActivityAt = now;
        AddEvent(response, ResponseEventKind.ExtensionRequested, actor, $"{JapaneseCalendar.FormatWithWestern(requested)}まで: {reason}");
        await notices.ExtensionRequestedAsync(survey, response, requested, reason, ct);
        if (!await TrySaveAsync(ct)) return Outcome<ExtensionView>.Conflict(BusyMessage);
        return Outcome<ExtensionView>.Ok(View(request));
    }

    public async Task<Outcome<ExtensionView>> DecideExtensionAsync(long surveyId, string code, long requestId, ExtensionDecisionInput input,
        ClaimsPrincipal user, CancellationToken ct = default)
    {
        var found = await LoadAsync(surveyId, code, user, tracked: true, ct);
        if (!found.Succeeded) return found.As<ExtensionView>();
        var loaded = found.Value!;
        var (survey, response) = (loaded.Survey, loaded.Response);
        if (!user.MayAuthor()) return Outcome<ExtensionView>.Forbidden("延長の申出に回答できるのは都道府県の職員だけです。");
        var request = await db.Set<SurveyExtensionRequest>().FirstOrDefaultAsync(e => e.Id == requestId && e.ResponseId == response.Id, ct);
        if (request is null) return Outcome<ExtensionView>.NotFound("延長の申出が見つかりません。");
        if (request.Decision != ExtensionDecision.Pending) return Outcome<ExtensionView>.Conflict("この申出にはすでに回答しています。");
        if (InputRefusals.Text<ExtensionView>("comment", input.Comment) is { } typed) return typed;
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        if (comment is { Length: > ReasonMaxLength }) return Outcome<ExtensionView>.Invalid("comment", $"コメントは{ReasonMaxLength:#,0}文字以内で入力してください。");
        var now = Now;
        var actor = user.ActorLabel();
        request.Decision = input.Grant ? ExtensionDecision.Granted : ExtensionDecision.Refused;
        request.DecidedAt = now;
        request.DecidedBy = actor;
        request.DecisionComment = comment;
        if (input.Grant)
        {
            // The answers did not change: the version stays, so an officer's open form still saves.
            response.ExtendedDeadline = request.RequestedDeadline;
        }
        response.LastActivityAt = now;
        AddEvent(response, input.Grant ? ResponseEventKind.ExtensionGranted : ResponseEventKind.ExtensionRefused, actor,
            input.Grant ? $"{JapaneseCalendar.FormatWithWestern(request.RequestedDeadline)}まで延長" : comment);
        await notices.ExtensionDecidedAsync(survey, response, request, ct);
        if (!await TrySaveAsync(ct)) return Outcome<ExtensionView>.Conflict(BusyMessage);
        return Outcome<ExtensionView>.Ok(View(request));
    }

    private static ExtensionView View(SurveyExtensionRequest e) => new(e.Id, e.RequestedDeadline, e.Reason, e.Decision, e.RequestedAt.AsUtc(),
        e.RequestedBy, e.DecidedAt.AsUtc(), e.DecidedBy, e.DecisionComment);

    private const string BusyMessage = "同じ時に回答が保存されました。もう一度お試しください。";

    /// <summary>Saves, or reports that the response changed underneath (an officer saved its draft at the same moment:
    /// the response's version is a concurrency token).</summary>
    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); return true; }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return false; }
    }
}
