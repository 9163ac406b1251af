using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.TalentPool.Domain;

/// <summary>An expert of a pool. Capacity is hours per month; the caps bound one assignment (e.g. 3 days on site and 10
/// hours online, as the national adviser scheme allows per use). One person may serve several 団体 at once (兼務).</summary>
public sealed class Expert : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long PoolId { get; set; }
    public required string Name { get; set; }
    public EngagementForm EngagementForm { get; set; }
    /// <summary>所属 (a firm, the prefecture's section, a university …).</summary>
    public string? Affiliation { get; set; }
    /// <summary>Where notices go; also the sign-in of the expert's account when one is linked.</summary>
    public string? Email { get; set; }
    /// <summary>The Identity user (role Expert) who signs in as this expert, if any.</summary>
    public string? UserId { get; set; }
    /// <summary>Hours per month the expert can give the pool (the hard limit of every month's bookings).</summary>
    public int MonthlyCapacityHours { get; set; }
    /// <summary>At most this many days on site per assignment (null: no cap).</summary>
    public int? OnSiteDaysCap { get; set; }
    /// <summary>At most this many hours online per assignment (null: no cap).</summary>
    public int? OnlineHoursCap { get; set; }
    public FundingTag FundingTag { get; set; }
    /// <summary>False once retired (退任): kept for history, never offered as a candidate.</summary>
    public bool Active { get; set; } = true;
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A skill area on an expert's profile, with a level 1–3 (<see cref="TalentVocabulary.SkillLevel"/>).</summary>
public sealed class ExpertSkill : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long ExpertId { get; set; }
    public long SkillAreaId { get; set; }
    public int Level { get; set; } = 1;
}

/// <summary>A period the expert is available (inclusive dates, Tokyo). An expert with none is available any time.</summary>
public sealed class ExpertAvailability : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long ExpertId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string? Note { get; set; }
}
