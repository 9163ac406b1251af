using System.Diagnostics;
using DxCollab.Platform.Organizations;

namespace DxCollab.Surveys.Domain;

/// <summary>One respondent of a roster: a 団体 (団体コード, with its 団体区分 when looked up) or a prefecture department
/// (<c>D{id}</c>, by name).</summary>
public sealed record RosterEntry(string Code, string Name, OrganizationCategory? Category = null)
{
    /// <summary>An entry whose 団体区分 is not at hand; <paramref name="isDepartment"/> only restates what the code says.</summary>
    public RosterEntry(string code, string name, bool isDepartment) : this(code, name, (OrganizationCategory?)null) =>
        Debug.Assert(isDepartment == SurveyResponse.IsDepartmentCode(code), "A department's code is D{id}, a 団体's its 団体コード.");

    public bool IsDepartment => SurveyResponse.IsDepartmentCode(Code);

    public string CategoryName => Category?.ToJapanese() ?? (IsDepartment ? "都道府県の部局" : "");
}
