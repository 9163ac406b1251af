using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Results;
using DxCollab.Platform.Validation;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Advisers;

public sealed record AdviserUseInput(long? AdviserId, string? OrganizationCode, long? RequestId, DateOnly? RequestedOn, int? OnSiteDays,
    int? OnlineHours, string? Note = null);

public sealed record AdviserUseView(long Id, long AdviserId, string AdviserName, string OrganizationCode, string OrganizationName, long? RequestId,
    DateOnly RequestedOn, int OnSiteDays, int OnlineHours, string? Note, DateTime CreatedAt, string CreatedBy);

public sealed record AdviserUseTotal(long AdviserId, string AdviserName, int Uses, int OnSiteDays, int OnlineHours);

public sealed record AdviserUseList(IReadOnlyList<AdviserUseView> Uses, IReadOnlyList<AdviserUseTotal> Totals);

/// <summary>A prefecture's record that it asked for a national adviser for one of its 団体 (one use). The national caps per
/// use (3 days on site, 10 hours online) are checked here with a clear message and held by the table's CHECK.</summary>
public sealed class AdviserUses(DxCollabDbContext db, OrganizationDirectory organizations, TimeProvider clock)
{
    public async Task<Outcome<AdviserUseView>> RecordAsync(AdviserUseInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayManagePool()) return Outcome<AdviserUseView>.Forbidden("アドバイザーの派遣を記録できるのは都道府県の職員です。");
        if (input.AdviserId is not { } adviserId) return Outcome<AdviserUseView>.Invalid("adviserId", "アドバイザーを選んでください。");
        var adviser = await db.Set<NationalAdviser>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == adviserId, ct);
        if (adviser is null || !adviser.Active) return Outcome<AdviserUseView>.Invalid("adviserId", "アドバイザーが名簿にありません。");
        if (string.IsNullOrWhiteSpace(input.OrganizationCode) || await organizations.FindAsync(input.OrganizationCode.Trim(), ct) is not { } organization)
            return Outcome<AdviserUseView>.Invalid("organizationCode", "派遣先の団体をこの都道府県の団体から選んでください。");
        if (input.RequestId is { } requestId && !await db.Set<SupportRequest>().AnyAsync(r => r.Id == requestId && r.OrganizationCode == organization.Code, ct))
            return Outcome<AdviserUseView>.Invalid("requestId", $"{organization.Name}の支援依頼（番号 {requestId}）が見つかりません。");
        if ((InputRefusals.Date<AdviserUseView>("requestedOn", input.RequestedOn) ?? InputRefusals.Text<AdviserUseView>("note", input.Note)) is { } typed)
            return typed;
        if (input.RequestedOn is not { } on) return Outcome<AdviserUseView>.Invalid("requestedOn", "依頼日を yyyy-MM-dd で入力してください。");
        if (input.OnSiteDays is not { } days || days < 0)
            return Outcome<AdviserUseView>.Invalid("onSiteDays", "訪問日数を 0 以上の日数で入力してください。");
        if (days > NationalAdviser.OnSiteDaysPerUse)
            return Outcome<AdviserUseView>.Invalid("onSiteDays", $"訪問は1回の派遣につき{NationalAdviser.OnSiteDaysPerUse}日までです（国の上限）。{days}日は記録できません。");
        if (input.OnlineHours is not { } hours || hours < 0)
            return Outcome<AdviserUseView>.Invalid("onlineHours", "オンラインの時間を 0 以上の時間で入力してください。");
        if (hours > NationalAdviser.OnlineHoursPerUse)
            return Outcome<AdviserUseView>.Invalid("onlineHours", $"オンラインは1回の派遣につき{NationalAdviser.OnlineHoursPerUse}時間までです（国の上限）。{hours}時間は記録できません。");
        if (days == 0 && hours == 0) return Outcome<AdviserUseView>.Invalid("onSiteDays", "訪問日数かオンラインの時間のどちらかを入力してください。");
        if (input.Note?.Trim().Length > 1000) return Outcome<AdviserUseView>.Invalid("note", "備考は1000文字以内にしてください。");

        var use = new AdviserUse
        {
            AdviserId = adviserId, OrganizationCode = organization.Code, RequestId = input.RequestId, RequestedOn = on, OnSiteDays = days,
            OnlineHours = hours, Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.ActorLabel(),
        };
        db.Add(use);
        await db.SaveChangesAsync(ct);
        return Outcome<AdviserUseView>.Ok(View(use, adviser.Name, organization.Name));
    }

    /// <summary>The tenant's uses, newest first, with totals per adviser (the staff see all; an officer their 団体's).</summary>
    public async Task<Outcome<AdviserUseList>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayManagePool() && !user.IsMunicipalOfficer())
            return Outcome<AdviserUseList>.Forbidden("アドバイザーの派遣の記録を見られるのは都道府県と市区町村の職員です。");
        var query = db.Set<AdviserUse>().AsNoTracking();
        if (!user.MayManagePool())
        {
            var own = user.OwnOrganizationCode() ?? "";
            query = query.Where(u => u.OrganizationCode == own);
        }
        var rows = await (from u in query
                          join a in db.Set<NationalAdviser>().AsNoTracking() on u.AdviserId equals a.Id
                          orderby u.RequestedOn descending, u.Id descending
                          select new { u, a.Name }).ToListAsync(ct);
        var names = (await organizations.SearchAsync(includeAbolished: true, ct: ct)).ToDictionary(o => o.Code, o => o.Name);
        var uses = rows.Select(r => View(r.u, r.Name, names.GetValueOrDefault(r.u.OrganizationCode, r.u.OrganizationCode))).ToList();
        var totals = uses.GroupBy(u => (u.AdviserId, u.AdviserName))
            .Select(g => new AdviserUseTotal(g.Key.AdviserId, g.Key.AdviserName, g.Count(), g.Sum(u => u.OnSiteDays), g.Sum(u => u.OnlineHours)))
            .OrderBy(t => t.AdviserName).ToList();
        return Outcome<AdviserUseList>.Ok(new AdviserUseList(uses, totals));
    }

    private static AdviserUseView View(AdviserUse u, string adviserName, string organizationName) => new(u.Id, u.AdviserId, adviserName,
        u.OrganizationCode, organizationName, u.RequestId, u.RequestedOn, u.OnSiteDays, u.OnlineHours, u.Note, u.CreatedAt, u.CreatedBy);
}
