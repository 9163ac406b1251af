using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Pool;

public sealed record SkillLevelInput(long SkillAreaId, int Level);

public sealed record AvailabilityInput(DateOnly From, DateOnly To, string? Note = null);

public sealed record ExpertInput(string? Name, EngagementForm? EngagementForm, string? Affiliation, string? Email, int? MonthlyCapacityHours,
    int? OnSiteDaysCap, int? OnlineHoursCap, FundingTag? FundingTag, IReadOnlyList<SkillLevelInput>? Skills,
    IReadOnlyList<AvailabilityInput>? Availability, string? Note);

public sealed record ExpertSkillView(long SkillAreaId, string Name, int Level, string LevelName);

public sealed record ExpertView(long Id, string Name, EngagementForm EngagementForm, string EngagementFormName, string? Affiliation,
    string? Email, int MonthlyCapacityHours, int? OnSiteDaysCap, int? OnlineHoursCap, FundingTag FundingTag, string FundingTagName,
    bool Active, bool HasAccount, IReadOnlyList<ExpertSkillView> Skills, IReadOnlyList<AvailabilityInput> Availability, string? Note);

/// <summary>Expert profiles of the pool (the prefecture's staff keep them). The skeleton: create and read; the pool
/// slice adds editing, retiring, the list with filters and the expert's account.</summary>
public sealed class ExpertService(DxCollabDbContext db, PoolDirectory pools, TimeProvider clock)
{
    public const int MaxMonthlyHours = 744; // hours in a month of 31 days

    public async Task<Outcome<ExpertView>> CreateAsync(ExpertInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayManagePool()) return Outcome<ExpertView>.Forbidden("専門人材を登録できるのは都道府県の職員です。");
        if (Validate(input) is { } invalid) return invalid;
        var areas = (await pools.SkillAreasAsync(ct)).ToDictionary(a => a.Id);
        if (input.Skills?.FirstOrDefault(s => !areas.ContainsKey(s.SkillAreaId)) is { } unknown)
            return Outcome<ExpertView>.Invalid("skills", $"スキル分野 {unknown.SkillAreaId} はありません。");
        var pool = await pools.PrefecturePoolAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var expert = new Expert
        {
            PoolId = pool.Id, Name = input.Name!.Trim(), EngagementForm = input.EngagementForm!.Value, Affiliation = input.Affiliation?.Trim(),
            Email = input.Email?.Trim(), MonthlyCapacityHours = input.MonthlyCapacityHours!.Value, OnSiteDaysCap = input.OnSiteDaysCap,
            OnlineHoursCap = input.OnlineHoursCap, FundingTag = input.FundingTag ?? FundingTag.OwnFunds, Note = input.Note?.Trim(),
            CreatedAt = now, UpdatedAt = now, UserId = await ExpertAccountAsync(input.Email, ct),
        };
        db.Add(expert);
        await db.SaveChangesAsync(ct);
        db.AddRange((input.Skills ?? []).DistinctBy(s => s.SkillAreaId)
            .Select(s => new ExpertSkill { ExpertId = expert.Id, SkillAreaId = s.SkillAreaId, Level = s.Level }));
        db.AddRange((input.Availability ?? []).Select(a => new ExpertAvailability { ExpertId = expert.Id, From = a.From, To = a.To, Note = a.Note }));
        await db.SaveChangesAsync(ct);
        return Outcome<ExpertView>.Ok(await ViewAsync(expert, ct));
    }

    public async Task<Outcome<ExpertView>> GetAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var expert = await db.Set<Expert>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null || !(user.MayManagePool() || user.Is(expert))) return Outcome<ExpertView>.NotFound("専門人材が見つかりません。");
        return Outcome<ExpertView>.Ok(await ViewAsync(expert, ct));
    }

    /// <summary>The tenant's Expert account with this e-mail, if one exists: the profile is linked to it, so the expert
    /// signs in and sees their assignments.</summary>
    private async Task<string?> ExpertAccountAsync(string? email, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var normalized = email.Trim().ToUpperInvariant();
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where u.NormalizedEmail == normalized && r.Name == Roles.Expert
                      select u.Id).FirstOrDefaultAsync(ct);
    }

    private static Outcome<ExpertView>? Validate(ExpertInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Name)) return Outcome<ExpertView>.Invalid("name", "氏名を入力してください。");
        if (input.Name.Trim().Length > 100) return Outcome<ExpertView>.Invalid("name", "氏名は100文字以内にしてください。");
        if (input.EngagementForm is null || !Enum.IsDefined(input.EngagementForm.Value))
            return Outcome<ExpertView>.Invalid("engagementForm", "任用形態を選んでください。");
        if (input.MonthlyCapacityHours is not { } hours || hours is < 0 or > MaxMonthlyHours)
            return Outcome<ExpertView>.Invalid("monthlyCapacityHours", $"月あたりの対応可能時間を 0〜{MaxMonthlyHours} 時間で入力してください。");
        if (input.OnSiteDaysCap is < 0 or > 31) return Outcome<ExpertView>.Invalid("onSiteDaysCap", "1件あたりの訪問日数の上限は 0〜31 日にしてください。");
        if (input.OnlineHoursCap is < 0 or > MaxMonthlyHours)
            return Outcome<ExpertView>.Invalid("onlineHoursCap", $"1件あたりのオンライン時間の上限は 0〜{MaxMonthlyHours} 時間にしてください。");
        if (input.FundingTag is { } tag && !Enum.IsDefined(tag)) return Outcome<ExpertView>.Invalid("fundingTag", "財源を選んでください。");
        if (input.Skills?.FirstOrDefault(s => s.Level is < 1 or > 3) is not null)
            return Outcome<ExpertView>.Invalid("skills", "スキルの程度は 1（基礎）〜3（指導できる）で選んでください。");
        if (input.Availability?.FirstOrDefault(a => a.To < a.From) is not null)
            return Outcome<ExpertView>.Invalid("availability", "対応できる期間の終わりは始まり以降の日付にしてください。");
        return null;
    }

    internal async Task<ExpertView> ViewAsync(Expert e, CancellationToken ct)
    {
        var skills = await (from s in db.Set<ExpertSkill>().AsNoTracking()
                            join a in db.Set<SkillArea>().AsNoTracking() on s.SkillAreaId equals a.Id
                            where s.ExpertId == e.Id
                            orderby a.SortOrder
                            select new { s.SkillAreaId, a.Name, s.Level }).ToListAsync(ct);
        var availability = await db.Set<ExpertAvailability>().AsNoTracking().Where(a => a.ExpertId == e.Id).OrderBy(a => a.From)
            .Select(a => new AvailabilityInput(a.From, a.To, a.Note)).ToListAsync(ct);
        return new ExpertView(e.Id, e.Name, e.EngagementForm, e.EngagementForm.ToJapanese(), e.Affiliation, e.Email, e.MonthlyCapacityHours,
            e.OnSiteDaysCap, e.OnlineHoursCap, e.FundingTag, e.FundingTag.ToJapanese(), e.Active, e.UserId is not null,
            [.. skills.Select(s => new ExpertSkillView(s.SkillAreaId, s.Name, s.Level, TalentVocabulary.SkillLevel(s.Level)))], availability, e.Note);
    }
}
