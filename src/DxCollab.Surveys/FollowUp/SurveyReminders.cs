using DxCollab.Platform.Data;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Text;
using DxCollab.Surveys.Domain;

namespace DxCollab.Surveys.FollowUp;

/// <summary>The wording and links of survey reminders, shared by the rules and 「今すぐ督促」.</summary>
public static class SurveyRemindersText
{
    public static string Left(int businessDaysLeft) => SurveyReminders.Left(businessDaysLeft);
}

internal static class SurveyReminders
{
    public static string AnswerLink(DxCollabDbContext db, long surveyId, string code) => $"/{db.CurrentTenantId}/surveys/{surveyId}/answer/{code}";

    public static string StatusLink(DxCollabDbContext db, long surveyId) => $"/{db.CurrentTenantId}/surveys/{surveyId}/status";

    public static string Left(int businessDaysLeft) => businessDaysLeft switch
    {
        > 0 => $"あと {businessDaysLeft} 開庁日",
        0 => "本日が期限",
        _ => $"期限を {-businessDaysLeft} 開庁日過ぎています",
    };

    public static NotificationMessage Message(DxCollabDbContext db, Survey survey, string code, string name, DateOnly deadline,
        int businessDaysLeft, string lead) =>
        new(NotificationCategories.Reminder, $"照会「{survey.Title}」の回答をお願いします（{name}）",
            $"{lead}\n照会「{survey.Title}」の{name}の回答がまだ提出されていません。回答期限は {JapaneseCalendar.FormatWithWestern(deadline)}"
            + $"（{Left(businessDaysLeft)}）です。提出済みの場合はこのお知らせは届きません。",
            AnswerLink(db, survey.Id, code));
}
