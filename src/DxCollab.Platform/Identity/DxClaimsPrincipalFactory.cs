using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Identity;

/// <summary>Puts the user's tenant and organisation in the principal. The tenant claim is what the tenancy
/// middleware compares with the URL's tenant; host users carry the host tenant id.</summary>
public sealed class DxClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options,
    DxCollabDbContext db) : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DxClaims.Tenant, user.TenantId));
        identity.AddClaim(new Claim(DxClaims.DisplayName, user.DisplayName));
        if (user.OrganizationCode is { } code)
        {
            identity.AddClaim(new Claim(DxClaims.OrganizationCode, code));
            var name = await db.Organizations.Where(o => o.Code == code).Select(o => o.Name).FirstOrDefaultAsync();
            if (name is not null) identity.AddClaim(new Claim(DxClaims.OrganizationName, name));
        }
        else if (user.TenantId == PrefectureCatalog.HostTenantId)
        {
            identity.AddClaim(new Claim(DxClaims.OrganizationName, PrefectureCatalog.Host.Name!));
        }
        return identity;
    }
}

/// <summary>A deactivated user cannot sign in, whatever the password.</summary>
public sealed class DxSignInManager(UserManager<AppUser> users, Microsoft.AspNetCore.Http.IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<AppUser> claims, IOptions<IdentityOptions> options, Microsoft.Extensions.Logging.ILogger<SignInManager<AppUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => user.IsActive && await base.CanSignInAsync(user);
}

/// <summary>Invitation links stay valid for a week (the default token provider's day is too short for e-mail).</summary>
public sealed class InvitationTokenProvider(Microsoft.AspNetCore.DataProtection.IDataProtectionProvider protection,
    IOptions<InvitationTokenProviderOptions> options, Microsoft.Extensions.Logging.ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(protection, options, logger)
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "Invitation";
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = InvitationTokenProvider.ProviderName;
        TokenLifespan = TimeSpan.FromDays(7);
    }
}
