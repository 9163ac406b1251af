using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.TalentPool.Domain;

/// <summary>An adviser of a national dispatch scheme (地域情報化アドバイザー, DXアドバイザー): a host-level catalogue every
/// tenant reads. Not tenant-owned.</summary>
public sealed class NationalAdviser
{
    public long Id { get; private set; }
    public required string Name { get; set; }
    /// <summary>The scheme (e.g. 地域情報化アドバイザー).</summary>
    public required string Scheme { get; set; }
    public string? Affiliation { get; set; }
    /// <summary>Skill areas in words (the national catalogue does not use a tenant's taxonomy).</summary>
    public string? Skills { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>The national caps per use: at most 3 days on site or 10 hours online.</summary>
    public const int OnSiteDaysPerUse = 3, OnlineHoursPerUse = 10;
}

/// <summary>A prefecture's record that it requested a national adviser for a 団体 (one use), with the days on site and
/// hours online it takes: both count against the national caps per use.</summary>
public sealed class AdviserUse : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long AdviserId { get; set; }
    public required string OrganizationCode { get; set; }
    /// <summary>The support request it answers, if any.</summary>
    public long? RequestId { get; set; }
    public DateOnly RequestedOn { get; set; }
    public int OnSiteDays { get; set; }
    public int OnlineHours { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}
