using DxCollab.Platform.Data;
using DxCollab.Platform.Tenancy;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Pool;

/// <summary>The tenant's pools and skill taxonomy, created on first use: the prefecture's own pool (hosted by its
/// 団体コード) and the seeded skill areas (<see cref="SkillArea.Defaults"/>).</summary>
public sealed class PoolDirectory(DxCollabDbContext db, TimeProvider clock)
{
    /// <summary>The prefecture's pool (created the first time it is needed).</summary>
    public async Task<ExpertPool> PrefecturePoolAsync(CancellationToken ct = default)
    {
        var host = db.TenantInfo is PrefectureTenant prefecture ? prefecture.Code
            : throw new InvalidOperationException("人材プールは都道府県のテナントの中でだけ使えます。");
        if (await db.Set<ExpertPool>().FirstOrDefaultAsync(p => p.HostOrganizationCode == host, ct) is { } pool) return pool;
        pool = new ExpertPool { Name = "人材プール", HostOrganizationCode = host, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(pool);
        await db.SaveChangesAsync(ct);
        return pool;
    }

    /// <summary>The tenant's skill areas in order (seeded with the defaults the first time).</summary>
    public async Task<IReadOnlyList<SkillArea>> SkillAreasAsync(CancellationToken ct = default)
    {
        var areas = await db.Set<SkillArea>().AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(ct);
        if (areas.Count > 0) return areas;
        db.AddRange(SkillArea.Defaults.Select((name, i) => new SkillArea { Name = name, SeedName = name, SortOrder = (i + 1) * 10 }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request seeded them at the same moment (unique name per tenant): read theirs.
            db.ChangeTracker.Clear();
        }
        return await db.Set<SkillArea>().AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(ct);
    }
}
