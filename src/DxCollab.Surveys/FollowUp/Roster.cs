using DxCollab.Platform.Data;
using DxCollab.Platform.Organizations;
using DxCollab.Surveys.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.FollowUp;

internal static class Roster
{
    /// <summary>Who the given respondent codes are: a 団体's name and 団体区分 from the directory, a department's name;
    /// an unknown code keeps its code as name.</summary>
    public static async Task<Dictionary<string, RosterEntry>> NamesAsync(DxCollabDbContext db, IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var organizations = codes.Where(c => !SurveyResponse.IsDepartmentCode(c)).ToList();
        var departmentIds = codes.Where(SurveyResponse.IsDepartmentCode).Select(c => long.TryParse(c[1..], out var id) ? id : 0).ToList();
        var names = new Dictionary<string, RosterEntry>(StringComparer.Ordinal);
        foreach (var o in await db.Organizations.AsNoTracking().Where(o => organizations.Contains(o.Code))
                     .Select(o => new { o.Code, o.Name, o.Type }).ToListAsync(ct))
            names[o.Code] = new RosterEntry(o.Code, o.Name, o.Type.ToCategory());
        foreach (var d in await db.Set<SurveyDepartment>().AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToListAsync(ct))
            names[SurveyResponse.DepartmentCode(d.Id)] = new RosterEntry(SurveyResponse.DepartmentCode(d.Id), d.Name);
        foreach (var code in codes.Where(c => !names.ContainsKey(c))) names[code] = new RosterEntry(code, code);
        return names;
    }

    /// <summary>One respondent's name, as <see cref="NamesAsync"/> gives it.</summary>
    public static async Task<string> NameAsync(DxCollabDbContext db, string code, CancellationToken ct) =>
        (await NamesAsync(db, [code], ct))[code].Name;
}
