using DxCollab.Platform.Organizations;

namespace DxCollab.Surveys.Domain;

/// <summary>One respondent of a roster: a 団体 (団体コード, with its 団体区分 when looked up) or a prefecture department
/// (<c>D{id}</c>, by name).</summary>
public sealed record RosterEntry(string Code, string Name, OrganizationCategory? Category = null)
{
    public bool IsDepartment => SurveyResponse.IsDepartmentCode(Code);

    public string CategoryName => Category?.ToJapanese() ?? (IsDepartment ? "都道府県の部局" : "");
}
