using DxCollab.MultiTenancy.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;

namespace DxCollab.Platform.Identity;

/// <summary>A person signing in. Tenant users belong to one 団体 of their tenant; host users to the host level.
/// User name and e-mail are unique per tenant only: the same address may exist in two prefectures.</summary>
public sealed class AppUser : IdentityUser, ITenantOwned
{
    public string TenantId { get; set; } = "";
    /// <summary>団体コード of the user's organisation (null for host users).</summary>
    public string? OrganizationCode { get; set; }
    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? DeactivatedAt { get; set; }
    public string? InvitedBy { get; set; }
}

/// <summary>Roles are the same six everywhere, so the role table is shared reference data.</summary>
public sealed class AppRole : IdentityRole
{
    public AppRole() { }
    public AppRole(string name) : base(name) => NormalizedName = name.ToUpperInvariant();
}
