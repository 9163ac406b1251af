using System.Security.Cryptography;
using System.Text;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Hosting;

/// <summary>The generated nation's accounts in one tenant (tools/DxCollab.Seed): a PrefectureAdmin (<c>pref.admin@{tenant}.nation.example</c>)
/// and a MunicipalOfficer per municipality (<c>{団体コード}@{tenant}.nation.example</c>), all with the documented demo
/// password. Stored as UserManager would store them (normalised names, security stamp, lockout on) but in bulk: the
/// password is hashed once and the hash reused, since hashing 1,741 times would take longer than the rest of a tenant.</summary>
public static class NationAccounts
{
    public const string Domain = "nation.example";

    public static string AdminEmail(string tenant) => $"pref.admin@{tenant}.{Domain}";
    public static string OfficerEmail(string tenant, string organizationCode) => $"{organizationCode}@{tenant}.{Domain}";

    /// <summary>Adds the tenant's accounts unless its PrefectureAdmin already exists; returns how many were added.</summary>
    public static async Task<int> SeedAsync(DxCollabDbContext db, string passwordHash, ILookupNormalizer normalizer, int seed, DateTime nowUtc,
        CancellationToken ct)
    {
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("No tenant for the accounts.");
        var admin = normalizer.NormalizeEmail(AdminEmail(tenant));
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == admin, ct)) return 0;
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.AbolishedOn == null).OrderBy(o => o.Code)
            .Select(o => new { o.Code, o.Name, o.Type }).ToListAsync(ct);
        var users = new List<AppUser>();
        var memberships = new List<IdentityUserRole<string>>();
        foreach (var org in organizations)
        {
            var prefecture = org.Type == OrganizationType.Prefecture;
            var email = prefecture ? AdminEmail(tenant) : OfficerEmail(tenant, org.Code);
            var user = new AppUser
            {
                Id = StableGuid($"{seed}:{email}").ToString(), TenantId = tenant, UserName = email, NormalizedUserName = normalizer.NormalizeName(email),
                Email = email, NormalizedEmail = normalizer.NormalizeEmail(email), EmailConfirmed = true, PasswordHash = passwordHash,
                SecurityStamp = StableGuid($"{seed}:{email}:stamp").ToString("N").ToUpperInvariant(), ConcurrencyStamp = StableGuid($"{seed}:{email}:concurrency").ToString(),
                LockoutEnabled = true, DisplayName = prefecture ? $"{org.Name} DX推進担当 管理者" : $"{org.Name} 標準化担当",
                OrganizationCode = org.Code, CreatedAt = nowUtc,
            };
            users.Add(user);
            memberships.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[prefecture ? Roles.PrefectureAdmin : Roles.MunicipalOfficer] });
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await BulkInsert.WriteAsync(db, users, ct);
        await BulkInsert.WriteAsync(db, memberships, ct);
        await transaction.CommitAsync(ct);
        return users.Count;
    }

    /// <summary>The same id for the same account and seed at every run (deterministic output).</summary>
    private static Guid StableGuid(string text) => new(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}
