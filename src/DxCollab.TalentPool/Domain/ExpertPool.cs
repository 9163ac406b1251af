using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.TalentPool.Domain;

/// <summary>A pool of experts kept by a host organisation: usually the prefecture, but a city may host one for its
/// neighbours (連携中枢都市 …), so the host is a 団体コード, never assumed to be the prefecture.</summary>
public sealed class ExpertPool : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public required string Name { get; set; }
    /// <summary>団体コード of the host organisation.</summary>
    public required string HostOrganizationCode { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One skill area of the tenant's taxonomy (editable per tenant; seeded with <see cref="Defaults"/>).</summary>
public sealed class SkillArea : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public required string Name { get; set; }
    /// <summary>The default this area was seeded as (one of <see cref="Defaults"/>), kept when the staff rename it: the
    /// theme cards map to the seeded areas by this, so a renamed 「BPR」 still answers the themes it answered.</summary>
    public string? SeedName { get; set; }
    public int SortOrder { get; set; }
    /// <summary>A retired area stays on the profiles that have it but is no longer offered.</summary>
    public bool Retired { get; set; }

    /// <summary>The seed of every tenant's taxonomy (issue #10), in the spirit of 総務省「自治体DX推進のための外部人材スキル標準」.</summary>
    public static readonly IReadOnlyList<string> Defaults =
    [
        "標準化・ガバメントクラウド移行", "調達支援（RFI/RFP・仕様書）", "情報セキュリティ", "フロントヤード改革", "BPR",
        "データ利活用", "AI・RPA", "ネットワーク", "人材育成", "広報",
    ];
}
