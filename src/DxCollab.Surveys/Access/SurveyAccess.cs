using System.Security.Claims;
using DxCollab.Platform.Identity;
using DxCollab.Surveys.Domain;

namespace DxCollab.Surveys.Access;

/// <summary>Who may do what with 照会, in one place. The prefecture's staff author, follow up and read every answer;
/// a municipality's officers see the surveys their 団体 is asked and only their own 団体's answer; the prefecture's
/// staff answer for its departments; pool experts see no survey at all (page and API policy OrganizationStaff).</summary>
public static class SurveyAccess
{
    public static bool MayAuthor(this ClaimsPrincipal user) => user.IsPrefectureStaff();

    /// <summary>May edit and submit the answer of <paramref name="respondentCode"/>.</summary>
    public static bool MayAnswerFor(this ClaimsPrincipal user, string respondentCode) =>
        SurveyResponse.IsDepartmentCode(respondentCode) ? user.IsPrefectureStaff() : user.IsOfficerOf(respondentCode);

    /// <summary>May read the answer of <paramref name="respondentCode"/> (its own 団体, or the prefecture's staff).</summary>
    public static bool MayReadAnswerOf(this ClaimsPrincipal user, string respondentCode) =>
        user.IsPrefectureStaff() || user.MayAnswerFor(respondentCode);

    /// <summary>May see the survey at all: staff see every survey; an officer a published or closed one its 団体 is on
    /// the roster of (<paramref name="ownOrganizationOnRoster"/>), never a draft.</summary>
    public static bool MaySee(this ClaimsPrincipal user, Survey survey, bool ownOrganizationOnRoster) =>
        user.IsPrefectureStaff() || (survey.State != SurveyState.Draft && ownOrganizationOnRoster && user.IsMunicipalOfficer());
}
