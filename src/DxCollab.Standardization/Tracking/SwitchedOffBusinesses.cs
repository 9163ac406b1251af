using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

/// <summary>The (団体, 業務) pairs the tenant switched off: they count in no rate and take no status.</summary>
public static class SwitchedOffBusinesses
{
    public static async Task<HashSet<(string OrganizationCode, int BusinessNumber)>> LoadAsync(DxCollabDbContext db, CancellationToken ct = default) =>
        (await db.Set<BusinessSystem>().AsNoTracking().Where(s => !s.IsEnabled)
            .Select(s => new { s.OrganizationCode, s.BusinessNumber }).ToListAsync(ct))
        .Select(s => (s.OrganizationCode, s.BusinessNumber)).ToHashSet();
}
