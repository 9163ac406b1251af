using DxCollab.Platform.Data;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Text;
using DxCollab.Surveys.Domain;

namespace DxCollab.Surveys.Answering;

/// <summary>What each side is told about an answer (inbox and e-mail, committed with the change): the respondent of a
/// 差戻し and of the decision on its extension request, the prefecture's staff of a resubmission and of a request.
/// A department's answer is the prefecture's own, so its notices go to the prefecture's staff.</summary>
public sealed class ResponseNotices(DxCollabDbContext db, NotificationService notifications)
{
    public const string Category = "surveys";

    /// <summary>Only a resubmission after 差戻し is announced: first submissions show on the status board, and 180 of
    /// them near a deadline would bury every other notice.</summary>
    public Task ResubmittedAsync(Survey survey, SurveyResponse response, CancellationToken ct) =>
        notifications.NotifyPrefectureStaffAsync(Message(survey, response, "view",
            $"照会「{survey.Title}」の差し戻した回答が再提出されました（{response.RespondentCode}）", "再提出された回答を確認してください。"), ct);

    public Task ReturnedAsync(Survey survey, SurveyResponse response, string comment, CancellationToken ct) =>
        ToRespondentAsync(response, Message(survey, response, "",
            $"照会「{survey.Title}」の回答が差し戻されました", $"都道府県からのコメント: {comment}\n回答を直して、もう一度提出してください。"), ct);

    public Task ExtensionRequestedAsync(Survey survey, SurveyResponse response, DateOnly requested, string reason, CancellationToken ct) =>
        notifications.NotifyPrefectureStaffAsync(Message(survey, response, "view",
            $"照会「{survey.Title}」に{response.RespondentCode}から期限延長の申出があります",
            $"希望する期限: {JapaneseCalendar.FormatWithWestern(requested)}\n理由: {reason}"), ct);

    public Task ExtensionDecidedAsync(Survey survey, SurveyResponse response, SurveyExtensionRequest request, CancellationToken ct) =>
        ToRespondentAsync(response, Message(survey, response, "",
            request.Decision == ExtensionDecision.Granted
                ? $"照会「{survey.Title}」の期限延長が承認されました（{JapaneseCalendar.FormatWithWestern(request.RequestedDeadline)}まで）"
                : $"照会「{survey.Title}」の期限延長は承認されませんでした",
            request.DecisionComment is { } comment ? $"都道府県からのコメント: {comment}" : "回答期限は回答画面で確かめてください。"), ct);

    private Task ToRespondentAsync(SurveyResponse response, NotificationMessage message, CancellationToken ct) =>
        response.IsDepartment
            ? notifications.NotifyPrefectureStaffAsync(message, ct)
            : notifications.NotifyOrganizationAsync(response.RespondentCode, message, ct);

    private NotificationMessage Message(Survey survey, SurveyResponse response, string page, string title, string body)
    {
        var link = $"/{db.TenantInfo?.Identifier}/surveys/{survey.Id}/answer/{response.RespondentCode}" + (page.Length > 0 ? "/" + page : "");
        return new NotificationMessage(Category, Cut(title, 200), body, link) { SourceKey = $"Surveys:{survey.Id}:{response.RespondentCode}" };
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
