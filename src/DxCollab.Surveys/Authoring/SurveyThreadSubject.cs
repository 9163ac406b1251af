using System.Globalization;
using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Threads;

namespace DxCollab.Surveys.Authoring;

/// <summary>Questions about a survey (照会への質問) through the platform's threads: subject "survey", key = the survey's
/// id. A respondent's officers and the prefecture's staff take part; a respondent sees only its own threads.</summary>
public sealed class SurveyThreadSubject : IThreadSubject
{
    public const string Type = "survey";
    public const string UploadPurposeName = "survey-questions";

    public string SubjectType => Type;
    public string Noun => "照会への質問";
    public string NotificationCategory => SurveyAuthoring.NotificationCategory;
    public string UploadPurpose => UploadPurposeName;

    public string Link(string tenant, ConversationThread thread) => $"/{tenant}/surveys/{thread.SubjectKey}/threads/{thread.Id}";

    public string Describe(ConversationThread thread) => $"対象: 照会（番号 {thread.SubjectKey}）";

    public string SourceKey(ConversationThread thread) => $"SurveyThread:{thread.Id}";

    public bool MayTakePart(ClaimsPrincipal user, ConversationThread thread) => user.IsPrefectureStaff() || user.IsOfficerOf(thread.OrganizationCode);

    public static string Key(long surveyId) => surveyId.ToString(CultureInfo.InvariantCulture);
}
