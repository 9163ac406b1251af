using System.Security.Claims;
using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Visibility;

/// <summary>Who did it, as a viewer may see it (docs/visibility.md): the recorded actor (an e-mail) for the 団体 itself
/// and the prefecture's staff; for a peer, the organisation the actor belongs to — 「豊中市の担当者」,
/// 「大阪府の担当者」 — never a person's name or e-mail.</summary>
public sealed class ActorNames(DxCollabDbContext db)
{
    /// <summary>What a peer sees when the actor is no (longer a) user of the tenant: demo data, a removed account.</summary>
    public const string Unknown = "担当者";

    /// <summary>A function from recorded actor to shown label, for the records of <paramref name="organizationCode"/>.
    /// One query for all <paramref name="actors"/> of the page or response.</summary>
    public async Task<Func<string?, string?>> ForAsync(ClaimsPrincipal viewer, string organizationCode, IEnumerable<string?> actors,
        CancellationToken ct = default)
    {
        if (viewer.SeesDetailsOf(organizationCode)) return actor => actor;
        var recorded = actors.Where(a => !string.IsNullOrEmpty(a)).Select(a => a!).Distinct().ToList();
        var owners = recorded.Count == 0 ? [] : await (
            from u in db.Users.AsNoTracking()
            where u.Email != null && recorded.Contains(u.Email) && u.OrganizationCode != null
            join o in db.Organizations.AsNoTracking() on u.OrganizationCode equals o.Code
            select new { u.Email, o.Name }).ToListAsync(ct);
        var labels = owners.GroupBy(o => o.Email!).ToDictionary(g => g.Key, g => g.First().Name + "の担当者", StringComparer.OrdinalIgnoreCase);
        return actor => string.IsNullOrEmpty(actor) ? actor : labels.GetValueOrDefault(actor, Unknown);
    }
}
