using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Pool;

public sealed record SkillAreaInput(string? Name, int? SortOrder = null);

/// <summary>A change to a skill area; a null field stays as it is (rename, reorder, retire or bring back).</summary>
public sealed record SkillAreaChange(string? Name = null, int? SortOrder = null, bool? Retired = null);

public sealed record SkillAreaView(long Id, string Name, int SortOrder, bool Retired, int ExpertCount);

/// <summary>The tenant's skill taxonomy (スキル分野), kept by the prefecture's staff. Names are unique per tenant as a
/// person reads them (NFKC, kana and width folded: 「ＢＰＲ」 and 「BPR」 are one name). A retired area stays on the
/// profiles that have it but is no longer offered.</summary>
public sealed class SkillAreaService(DxCollabDbContext db, PoolDirectory pools)
{
    public const int MaxNameLength = 100;

    /// <summary>Every area in order with how many experts have it (any tenant member may read the taxonomy).</summary>
    public async Task<IReadOnlyList<SkillAreaView>> ListAsync(bool includeRetired, CancellationToken ct = default)
    {
        var areas = await pools.SkillAreasAsync(ct);
        var counts = await db.Set<ExpertSkill>().AsNoTracking().GroupBy(s => s.SkillAreaId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. areas.Where(a => includeRetired || !a.Retired).Select(a => View(a, counts.GetValueOrDefault(a.Id)))];
    }

    public async Task<Outcome<SkillAreaView>> CreateAsync(SkillAreaInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayManagePool()) return Outcome<SkillAreaView>.Forbidden("スキル分野を変更できるのは都道府県の職員です。");
        var areas = await pools.SkillAreasAsync(ct);
        if (CheckName(input.Name, areas, null) is { } invalid) return invalid;
        var area = new SkillArea { Name = input.Name!.Trim(), SortOrder = input.SortOrder ?? (areas.Count == 0 ? 10 : areas.Max(a => a.SortOrder) + 10) };
        db.Add(area);
        if (await SaveAsync(ct) is { } taken) return taken;
        return Outcome<SkillAreaView>.Ok(View(area, 0));
    }

    public async Task<Outcome<SkillAreaView>> UpdateAsync(long id, SkillAreaChange change, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayManagePool()) return Outcome<SkillAreaView>.Forbidden("スキル分野を変更できるのは都道府県の職員です。");
        var areas = await pools.SkillAreasAsync(ct);
        var area = await db.Set<SkillArea>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (area is null) return Outcome<SkillAreaView>.NotFound("スキル分野が見つかりません。");
        if (change.Name is not null)
        {
            if (CheckName(change.Name, areas, id) is { } invalid) return invalid;
            area.Name = change.Name.Trim();
        }
        if (change.SortOrder is { } order)
        {
            if (order is < 0 or > 100_000) return Outcome<SkillAreaView>.Invalid("sortOrder", "並び順は 0〜100000 の数で入力してください。");
            area.SortOrder = order;
        }
        if (change.Retired is { } retired) area.Retired = retired;
        if (await SaveAsync(ct) is { } taken) return taken;
        var count = await db.Set<ExpertSkill>().CountAsync(s => s.SkillAreaId == id, ct);
        return Outcome<SkillAreaView>.Ok(View(area, count));
    }

    private static Outcome<SkillAreaView>? CheckName(string? name, IReadOnlyList<SkillArea> areas, long? self)
    {
        if (InputRefusals.Text<SkillAreaView>("name", name, "スキル分野の名前を入力してください。") is { } typed) return typed;
        if (string.IsNullOrWhiteSpace(name)) return Outcome<SkillAreaView>.Invalid("name", "スキル分野の名前を入力してください。");
        if (name!.Trim().Length > MaxNameLength) return Outcome<SkillAreaView>.Invalid("name", $"スキル分野の名前は{MaxNameLength}文字以内にしてください。");
        var key = JapaneseText.SearchKey(name);
        if (areas.FirstOrDefault(a => a.Id != self && JapaneseText.SearchKey(a.Name) == key) is { } same)
            return Outcome<SkillAreaView>.Invalid("name", $"「{same.Name}」と同じ名前のスキル分野が既にあります{(same.Retired ? "（使われなくなった分野です。戻すこともできます）" : "")}。");
        return null;
    }

    /// <summary>Saves; the unique index (tenant, name) answers a name another staff member took at the same moment.</summary>
    private async Task<Outcome<SkillAreaView>?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome<SkillAreaView>.Invalid("name", "同じ名前のスキル分野が既にあります。");
        }
    }

    private static SkillAreaView View(SkillArea a, int experts) => new(a.Id, a.Name, a.SortOrder, a.Retired, experts);
}
