using DxCollab.Platform.Data;
using DxCollab.Platform.Email;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Users;

public sealed record UserView(string Id, string Email, string DisplayName, string? OrganizationCode, string? OrganizationName,
    IReadOnlyList<string> Roles, bool IsActive, bool HasPassword, bool TwoFactorEnabled, DateTime? LockoutEnd, DateTime CreatedAt);

public sealed record InvitationRequest(string Email, string DisplayName, string OrganizationCode, string Role);

/// <summary>An outcome with the messages a staff member reads (Japanese), keyed by field where it helps.</summary>
public sealed record AdminResult(bool Succeeded, IReadOnlyDictionary<string, string[]> Errors, string? UserId = null)
{
    public static AdminResult Ok(string? userId = null) => new(true, new Dictionary<string, string[]>(), userId);
    public static AdminResult Fail(string field, string message) => new(false, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>User administration within the current tenant (PrefectureAdmin): list, invite by e-mail, deactivate,
/// reactivate; and accepting an invitation. Every change is audited through the DbContext.</summary>
public sealed class UserAdministration(DxCollabDbContext db, UserManager<AppUser> users, IEmailSender email, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserView>> ListAsync(string? organizationCode = null, CancellationToken ct = default)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(organizationCode)) query = query.Where(u => u.OrganizationCode == organizationCode);
        var list = await query.OrderBy(u => u.OrganizationCode).ThenBy(u => u.Email).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var orgNames = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Name, ct);
        return list.Select(u => new UserView(u.Id, u.Email ?? "", u.DisplayName, u.OrganizationCode,
            u.OrganizationCode is null ? null : orgNames.GetValueOrDefault(u.OrganizationCode),
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(), u.IsActive, u.PasswordHash is not null,
            u.TwoFactorEnabled, u.LockoutEnd?.UtcDateTime, u.CreatedAt)).ToList();
    }

    /// <summary>Creates the user without a password and e-mails a link (valid 7 days) to set one.</summary>
    public async Task<AdminResult> InviteAsync(InvitationRequest request, string invitedBy, Func<string, string, string> acceptLink, CancellationToken ct = default)
    {
        var emailAddress = request.Email?.Trim() ?? "";
        if (emailAddress.Length == 0) return AdminResult.Fail("email", "メールアドレスを入力してください。");
        if (string.IsNullOrWhiteSpace(request.DisplayName)) return AdminResult.Fail("displayName", "氏名・所属名を入力してください。");
        if (!Roles.TenantRoles.Contains(request.Role)) return AdminResult.Fail("role", "役割を選んでください。");
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == request.OrganizationCode && o.AbolishedOn == null, ct);
        if (org is null) return AdminResult.Fail("organizationCode", "この都道府県の団体から所属を選んでください。");
        if (request.Role is Roles.PrefectureAdmin or Roles.PrefectureStaff && !org.IsPrefecture)
            return AdminResult.Fail("role", "都道府県の役割は都道府県の職員にだけ付けられます。");
        if (request.Role == Roles.MunicipalOfficer && org.IsPrefecture)
            return AdminResult.Fail("role", "市区町村担当者は市区町村に所属させてください。");

        var user = new AppUser
        {
            UserName = emailAddress, Email = emailAddress, DisplayName = request.DisplayName.Trim(), OrganizationCode = org.Code,
            InvitedBy = invitedBy, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return FromIdentity(created, "email");
        var roleResult = await users.AddToRoleAsync(user, request.Role);
        if (!roleResult.Succeeded) return FromIdentity(roleResult, "role");

        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        var link = acceptLink(user.Id, token);
        await email.SendAsync(new EmailMessage(emailAddress, $"【DxCollab】{org.Name} のアカウントへの招待",
            $"""
            {user.DisplayName} 様

            {invitedBy} さんから DxCollab（{org.Name}、{Roles.ToJapanese(request.Role)}）に招待されました。
            次のリンクを開いてパスワードを設定してください（有効期限 7 日）。

            {link}

            心当たりがない場合は、このメールを破棄してください。
            """), ct);
        return AdminResult.Ok(user.Id);
    }

    public async Task<AdminResult> AcceptInvitationAsync(string userId, string token, string password)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !user.IsActive) return AdminResult.Fail("token", "招待が見つかりません。管理者に再送を依頼してください。");
        if (user.PasswordHash is not null) return AdminResult.Fail("token", "この招待は既に使われています。ログイン画面からログインしてください。");
        if (!await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token))
            return AdminResult.Fail("token", "リンクの有効期限が切れているか、正しくありません。管理者に再送を依頼してください。");
        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded) return FromIdentity(added, "password");
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        return AdminResult.Ok(user.Id);
    }

    /// <summary>Deactivated users cannot sign in; their open sessions end at the next security-stamp check.</summary>
    public async Task<AdminResult> SetActiveAsync(string userId, bool active, string actingUserId)
    {
        if (userId == actingUserId && !active) return AdminResult.Fail("user", "自分自身は無効にできません。");
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AdminResult.Fail("user", "利用者が見つかりません。");
        user.IsActive = active;
        user.DeactivatedAt = active ? null : clock.GetUtcNow().UtcDateTime;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded) await users.UpdateSecurityStampAsync(user);
        return result.Succeeded ? AdminResult.Ok(user.Id) : FromIdentity(result, "user");
    }

    private static AdminResult FromIdentity(IdentityResult result, string field) =>
        new(false, new Dictionary<string, string[]> { [field] = result.Errors.Select(e => e.Description).ToArray() });
}
