using System.Security.Claims;
using DxCollab.Platform.Audit;
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

/// <summary>A deactivated user cannot sign in, whatever the password. Every sign-in, failed sign-in (wrong password or
/// code, locked out, not allowed) and sign-out leaves an audit entry (SecurityAudit); "remember me" lasts
/// <see cref="SignInFigures.RememberMe"/>.</summary>
public sealed class DxSignInManager(UserManager<AppUser> users, Microsoft.AspNetCore.Http.IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<AppUser> claims, IOptions<IdentityOptions> options, Microsoft.Extensions.Logging.ILogger<SignInManager<AppUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation,
    SecurityAudit audit, TimeProvider clock)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        var result = await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
        // A correct password of a two-factor account is half a sign-in: the second step is recorded.
        if (!result.RequiresTwoFactor) await RecordAsync(userName, user, result, user is null ? "アカウントなし" : "パスワード誤り");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (user is not null) await RecordAsync(user.Email ?? user.UserName ?? "", user, result, "認証コード誤り");
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (user is not null) await RecordAsync(user.Email ?? user.UserName ?? "", user, result, "回復用コード誤り");
        return result;
    }

    public override async Task SignOutAsync()
    {
        if (Context.User is { Identity.IsAuthenticated: true } signedIn)
            await audit.SignInAsync(AuditAction.SignedOut, signedIn.ActorLabel(), signedIn.UserId(),
                signedIn.FindFirstValue(DxClaims.OrganizationCode), "サインアウト");
        await base.SignOutAsync();
    }

    /// <summary>"Remember me" keeps the browser signed in for two weeks instead of the session's hours (the cookie
    /// handler keeps this span when it slides the expiry).</summary>
    public override Task SignInWithClaimsAsync(AppUser user, Microsoft.AspNetCore.Authentication.AuthenticationProperties? authenticationProperties,
        IEnumerable<Claim> additionalClaims)
    {
        if (authenticationProperties is { IsPersistent: true, ExpiresUtc: null } && AuthenticationScheme == IdentityConstants.ApplicationScheme)
            authenticationProperties.ExpiresUtc = clock.GetUtcNow() + SignInFigures.RememberMe;
        return base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
    }

    private Task RecordAsync(string email, AppUser? user, SignInResult result, string failure) =>
        audit.SignInAsync(result.Succeeded ? AuditAction.SignedIn : AuditAction.SignInFailed, email, user?.Id, user?.OrganizationCode,
            result.Succeeded ? (AuthenticationScheme == IdentityConstants.BearerScheme ? "成功（API）" : "成功")
            : result.IsLockedOut ? "ロック中"
            : result.IsNotAllowed ? "ログイン不可（無効・未確認）"
            : failure);
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
