using DxCollab.Platform.Data;
using DxCollab.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Organizations;

public sealed record OrganizationView(string Code, string Name, string Kana, OrganizationType Type, OrganizationCategory Category,
    bool IsActive, DateOnly? AbolishedOn, string? SuccessorCode)
{
    public string TypeName => Type.ToJapanese();
    public string CategoryName => Category.ToJapanese();
}

/// <summary>Reads the current tenant's 団体: the prefecture first, then municipalities in 団体コード order.
/// Search ignores full/half width and hiragana/katakana (both sides are folded the same way).</summary>
public sealed class OrganizationDirectory(DxCollabDbContext db)
{
    public async Task<IReadOnlyList<OrganizationView>> SearchAsync(OrganizationType? type = null, string? query = null,
        bool includeAbolished = false, CancellationToken ct = default)
    {
        var organizations = db.Organizations.AsNoTracking();
        if (!includeAbolished) organizations = organizations.Where(o => o.AbolishedOn == null);
        if (type is { } t) organizations = organizations.Where(o => o.Type == t);
        var key = JapaneseText.SearchKey(query);
        if (key.Length > 0) organizations = organizations.Where(o => o.SearchKey.Contains(key));
        var rows = await organizations.OrderBy(o => o.Code).ToListAsync(ct);
        return rows.OrderBy(o => o.IsPrefecture ? 0 : 1).ThenBy(o => o.Code).Select(ToView).ToList();
    }

    /// <summary>The municipalities of the tenant not abolished, in 団体コード order: whom a prefecture-wide survey or
    /// vote asks (the prefecture itself answers through its own departments).</summary>
    public async Task<IReadOnlyList<OrganizationView>> ActiveMunicipalitiesAsync(CancellationToken ct = default) =>
        (await db.Organizations.AsNoTracking().Where(o => o.AbolishedOn == null && o.Type != OrganizationType.Prefecture).ToListAsync(ct))
        .OrderBy(o => o.Code, StringComparer.Ordinal).Select(ToView).ToList();

    public async Task<OrganizationView?> FindAsync(string code, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        return org is null ? null : ToView(org);
    }

    public async Task<IReadOnlyList<OrganizationChange>> HistoryAsync(string code, CancellationToken ct = default) =>
        await db.OrganizationChanges.AsNoTracking().Where(c => c.OrganizationCode == code)
            .OrderBy(c => c.EffectiveOn).ThenBy(c => c.Id).ToListAsync(ct);

    private static OrganizationView ToView(Organization o) =>
        new(o.Code, o.Name, o.Kana, o.Type, o.Category, o.IsActive, o.AbolishedOn, o.SuccessorCode);
}
