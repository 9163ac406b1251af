using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Users;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Pool;

/// <summary>The expert's sign-in (role Expert, in the pool's host 団体): the staff invite it from the profile through the
/// platform's invitation (a link to set a password, valid 7 days), or link the Expert account that already has the
/// profile's e-mail. The profile is linked (<see cref="Expert.UserId"/>) either way.</summary>
public sealed class ExpertAccounts(DxCollabDbContext db, ExpertService experts, PoolDirectory pools, UserAdministration users)
{
    /// <param name="acceptLink">The invitation page's address for (userId, token).</param>
    public async Task<Outcome<ExpertView>> InviteAsync(long id, ClaimsPrincipal user, Func<string, string, string> acceptLink, CancellationToken ct = default)
    {
        if (!user.MayManagePool()) return Outcome<ExpertView>.Forbidden("専門人材のアカウントを作れるのは都道府県の職員です。");
        var expert = await db.Set<Expert>().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null) return Outcome<ExpertView>.NotFound("専門人材が見つかりません。");
        if (expert.UserId is not null) return Outcome<ExpertView>.Conflict($"{expert.Name} さんのアカウントは既にあります。");
        if (string.IsNullOrWhiteSpace(expert.Email))
            return Outcome<ExpertView>.Invalid("email", "アカウントを作るには、先にプロフィールにメールアドレスを登録してください。");

        if (await experts.ExpertAccountAsync(expert.Email, ct) is { } existing)
        {
            expert.UserId = existing;
        }
        else
        {
            var normalized = expert.Email.Trim().ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct))
                return Outcome<ExpertView>.Conflict($"{expert.Email} は専門人材以外の利用者が使っています。別のメールアドレスをプロフィールに登録してください。", "email");
            var pool = await pools.PrefecturePoolAsync(ct);
            var invited = await users.InviteAsync(new InvitationRequest(expert.Email, expert.Name, pool.HostOrganizationCode, Roles.Expert),
                user.ActorLabel(), acceptLink, ct);
            if (!invited.Succeeded)
            {
                var (field, messages) = invited.Errors.First();
                return Outcome<ExpertView>.Invalid(field, messages.FirstOrDefault() ?? "アカウントを作れませんでした。");
            }
            expert.UserId = invited.UserId;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<ExpertView>.Ok(await experts.ViewAsync(expert, ct));
    }
}
