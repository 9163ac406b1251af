using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Insights;

/// <summary>One 団体's 情報担当職員数 (AsOf: the date the count is true for; today in Tokyo when left out).</summary>
public sealed record ItStaffEntry(string? OrganizationCode, int? Staff, DateOnly? AsOf = null);

public sealed record ItStaffInput(IReadOnlyList<ItStaffEntry>? Entries);

/// <summary>A 団体 with its recorded count (null: not recorded yet).</summary>
public sealed record ItStaffRow(string OrganizationCode, string Name, string TypeName, int? Staff, DateOnly? AsOf, DateTime? UpdatedAt, string? UpdatedBy);

public sealed record ItStaffSaved(int Saved);

/// <summary>A refused batch: every row's problem at once (key: the row as the person knows it, e.g. 「3行目」), nothing saved.</summary>
public sealed record ItStaffErrors(IReadOnlyDictionary<string, string[]> Errors);

/// <summary>情報担当職員数 per 団体, as the prefecture's staff record it (one at a time or a whole file): the dashboard
/// finds the 1人情シス that never asked for support from it.</summary>
public sealed class ItStaffService(DxCollabDbContext db, OrganizationDirectory organizations, TimeProvider clock)
{
    public const int MaxStaff = 999;

    public async Task<Outcome<IReadOnlyList<ItStaffRow>>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayManagePool()) return Outcome<IReadOnlyList<ItStaffRow>>.Forbidden("情報担当職員数を見られるのは都道府県の職員です。");
        var municipalities = await organizations.ActiveMunicipalitiesAsync(ct);
        var recorded = await db.Set<OrganizationItStaff>().AsNoTracking().ToDictionaryAsync(s => s.OrganizationCode, ct);
        return Outcome<IReadOnlyList<ItStaffRow>>.Ok([.. municipalities.Select(o => recorded.GetValueOrDefault(o.Code) is { } s
            ? new ItStaffRow(o.Code, o.Name, o.TypeName, s.Staff, s.AsOf, s.UpdatedAt, s.UpdatedBy)
            : new ItStaffRow(o.Code, o.Name, o.TypeName, null, null, null, null))]);
    }

    /// <summary>Saves every entry, or none: each wrong row is named (<paramref name="rowName"/> turns an index into the
    /// name the person sees: 「entries[2]」 for the API, 「3行目」 for a file).</summary>
    public async Task<(Outcome<ItStaffSaved> Outcome, ItStaffErrors? Errors)> SaveAsync(IReadOnlyList<ItStaffEntry>? entries, ClaimsPrincipal user,
        Func<int, string>? rowName = null, CancellationToken ct = default)
    {
        if (!user.MayManagePool()) return (Outcome<ItStaffSaved>.Forbidden("情報担当職員数を記録できるのは都道府県の職員です。"), null);
        if (entries is not { Count: > 0 }) return (Outcome<ItStaffSaved>.Invalid("entries", "記録する団体と人数を1件以上入力してください。"), null);
        rowName ??= i => $"entries[{i}]";
        var today = JapaneseCalendar.TodayInTokyo(clock.GetUtcNow());
        var known = (await organizations.ActiveMunicipalitiesAsync(ct)).ToDictionary(o => o.Code, o => o.Name);
        var errors = new Dictionary<string, string[]>();
        var seen = new Dictionary<string, string>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (e, row) = (entries[i], rowName(i));
            if (e is null) { errors[row] = ["空の行です。団体コードと人数を入力してください。"]; continue; }
            var code = e.OrganizationCode?.Trim() ?? "";
            if (code.Length == 0) errors[row] = ["団体コードを入力してください。"];
            else if (!known.ContainsKey(code)) errors[row] = [$"団体コード {code} はこの都道府県の市区町村にありません（6桁の全国地方公共団体コードで入力してください）。"];
            else if (seen.TryGetValue(code, out var earlier)) errors[row] = [$"{known[code]}（{code}）は{earlier}にもあります。1団体1行にしてください。"];
            else if (e.Staff is not { } staff || staff is < 0 or > MaxStaff) errors[row] = [$"{known[code]}（{code}）の人数を 0〜{MaxStaff} の整数で入力してください。"];
            else if (InputRules.DateError(e.AsOf) is { } outOfRange) errors[row] = [$"{known[code]}（{code}）の基準日: {outOfRange}"];
            else if (e.AsOf is { } asOf && asOf > today) errors[row] = [$"{known[code]}（{code}）の基準日は今日以前の日付にしてください。"];
            if (code.Length > 0) seen.TryAdd(code, row);
        }
        if (errors.Count > 0) return (Outcome<ItStaffSaved>.Invalid(errors.Keys.First(), errors.Values.First()[0]), new ItStaffErrors(errors));

        var now = clock.GetUtcNow().UtcDateTime;
        var codes = entries.Select(e => e.OrganizationCode!.Trim()).ToList();
        var existing = await db.Set<OrganizationItStaff>().Where(s => codes.Contains(s.OrganizationCode)).ToDictionaryAsync(s => s.OrganizationCode, ct);
        foreach (var e in entries)
        {
            var code = e.OrganizationCode!.Trim();
            if (!existing.TryGetValue(code, out var row))
                db.Add(row = new OrganizationItStaff { OrganizationCode = code, UpdatedBy = user.ActorLabel() });
            row.Staff = e.Staff!.Value;
            row.AsOf = e.AsOf ?? today;
            row.UpdatedAt = now;
            row.UpdatedBy = user.ActorLabel();
        }
        await db.SaveChangesAsync(ct);
        return (Outcome<ItStaffSaved>.Ok(new ItStaffSaved(entries.Count)), null);
    }
}
