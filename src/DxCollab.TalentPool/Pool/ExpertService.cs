using System.Net.Mail;
using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
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

/// <summary>Filters of the expert list: a skill area, an engagement form, active or retired (null: both), free text (NFKC,
/// kana-insensitive) over name, affiliation, e-mail and note.</summary>
public sealed record ExpertFilter(long? SkillAreaId = null, EngagementForm? EngagementForm = null, bool? Active = null, string? Query = null);

/// <summary>Expert profiles of the pool (the prefecture's staff keep them; an expert reads their own): list with filters,
/// create, full replacement, retire and reactivate.</summary>
public sealed class ExpertService(DxCollabDbContext db, PoolDirectory pools, CapacityChange capacity, TimeProvider clock)
{
    public const int MaxMonthlyHours = 744; // hours in a month of 31 days

    public async Task<Outcome<ExpertView>> CreateAsync(ExpertInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayManagePool()) return Outcome<ExpertView>.Forbidden("専門人材を登録できるのは都道府県の職員です。");
        if (Validate(input) is { } invalid) return invalid;
        if (await CheckSkillsAsync(input, [], ct) is { } badSkill) return badSkill;
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
        AddSkillsAndAvailability(expert.Id, input);
        await db.SaveChangesAsync(ct);
        return Outcome<ExpertView>.Ok(await ViewAsync(expert, ct));
    }

    /// <summary>The whole profile replaced by <paramref name="input"/> (PUT). A new monthly capacity applies to this month
    /// and every later one; it is refused (409) when a month already has more hours booked than the new capacity.</summary>
    public async Task<Outcome<ExpertView>> UpdateAsync(long id, ExpertInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayManagePool()) return Outcome<ExpertView>.Forbidden("専門人材のプロフィールを変更できるのは都道府県の職員です。");
        var expert = await db.Set<Expert>().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null) return Outcome<ExpertView>.NotFound("専門人材が見つかりません。");
        if (Validate(input) is { } invalid) return invalid;
        var current = await db.Set<ExpertSkill>().Where(s => s.ExpertId == id).Select(s => s.SkillAreaId).ToListAsync(ct);
        if (await CheckSkillsAsync(input, current, ct) is { } badSkill) return badSkill;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var hours = input.MonthlyCapacityHours!.Value;
        if (hours != expert.MonthlyCapacityHours && await capacity.ChangeAsync(expert, hours, ct) is { } refusal)
            return Outcome<ExpertView>.Conflict(refusal, "monthlyCapacityHours");
        expert.Name = input.Name!.Trim();
        expert.EngagementForm = input.EngagementForm!.Value;
        expert.Affiliation = Blank(input.Affiliation);
        expert.Email = Blank(input.Email);
        expert.MonthlyCapacityHours = hours;
        expert.OnSiteDaysCap = input.OnSiteDaysCap;
        expert.OnlineHoursCap = input.OnlineHoursCap;
        expert.FundingTag = input.FundingTag ?? FundingTag.OwnFunds;
        expert.Note = Blank(input.Note);
        expert.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        // An Expert account with the (new) e-mail links the profile; without one, an existing link stays.
        expert.UserId = await ExpertAccountAsync(expert.Email, ct) ?? expert.UserId;
        await db.Set<ExpertSkill>().Where(s => s.ExpertId == id).ExecuteDeleteAsync(ct);
        await db.Set<ExpertAvailability>().Where(a => a.ExpertId == id).ExecuteDeleteAsync(ct);
        AddSkillsAndAvailability(id, input);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<ExpertView>.Ok(await ViewAsync(expert, ct));
    }

    /// <summary>退任 (false) or 再任 (true): a retired expert stays with their history but is never offered as a candidate.</summary>
    public async Task<Outcome<ExpertView>> SetActiveAsync(long id, bool active, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayManagePool()) return Outcome<ExpertView>.Forbidden("専門人材の退任・再任を記録できるのは都道府県の職員です。");
        var expert = await db.Set<Expert>().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null) return Outcome<ExpertView>.NotFound("専門人材が見つかりません。");
        expert.Active = active;
        expert.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<ExpertView>.Ok(await ViewAsync(expert, ct));
    }

    /// <summary>The pool's experts for the staff (filtered, by name); an expert gets only their own profile.</summary>
    public async Task<Outcome<IReadOnlyList<ExpertView>>> ListAsync(ExpertFilter filter, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayManagePool() && !user.IsExpert())
            return Outcome<IReadOnlyList<ExpertView>>.Forbidden("専門人材の一覧を見られるのは都道府県の職員です。");
        var query = db.Set<Expert>().AsNoTracking();
        if (!user.MayManagePool())
        {
            var me = user.UserId() ?? "";
            query = query.Where(e => e.UserId == me);
        }
        if (filter.EngagementForm is { } form) query = query.Where(e => e.EngagementForm == form);
        if (filter.Active is { } active) query = query.Where(e => e.Active == active);
        if (filter.SkillAreaId is { } area)
            query = query.Where(e => db.Set<ExpertSkill>().Any(s => s.ExpertId == e.Id && s.SkillAreaId == area));
        var experts = await query.OrderBy(e => e.Name).ThenBy(e => e.Id).ToListAsync(ct);
        var key = JapaneseText.SearchKey(filter.Query);
        if (key.Length > 0)
            experts = [.. experts.Where(e => JapaneseText.SearchKey($"{e.Name} {e.Affiliation} {e.Email} {e.Note}").Contains(key, StringComparison.Ordinal))];
        return Outcome<IReadOnlyList<ExpertView>>.Ok(await ViewsAsync(experts, ct));
    }

    /// <summary>Every skill area must exist; a retired one may stay on a profile that has it (<paramref name="onProfile"/>)
    /// but is not given anew.</summary>
    private async Task<Outcome<ExpertView>?> CheckSkillsAsync(ExpertInput input, IReadOnlyCollection<long> onProfile, CancellationToken ct)
    {
        var areas = (await pools.SkillAreasAsync(ct)).ToDictionary(a => a.Id);
        foreach (var skill in input.Skills ?? [])
        {
            if (!areas.TryGetValue(skill.SkillAreaId, out var area)) return Outcome<ExpertView>.Invalid("skills", $"スキル分野 {skill.SkillAreaId} はありません。");
            if (area.Retired && !onProfile.Contains(area.Id))
                return Outcome<ExpertView>.Invalid("skills", $"スキル分野「{area.Name}」は使われなくなったため、新しく付けられません。");
        }
        return null;
    }

    private void AddSkillsAndAvailability(long expertId, ExpertInput input)
    {
        db.AddRange((input.Skills ?? []).DistinctBy(s => s.SkillAreaId)
            .Select(s => new ExpertSkill { ExpertId = expertId, SkillAreaId = s.SkillAreaId, Level = s.Level }));
        db.AddRange((input.Availability ?? []).Select(a => new ExpertAvailability { ExpertId = expertId, From = a.From, To = a.To, Note = Blank(a.Note) }));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public async Task<Outcome<ExpertView>> GetAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var expert = await db.Set<Expert>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null || !(user.MayManagePool() || user.Is(expert))) return Outcome<ExpertView>.NotFound("専門人材が見つかりません。");
        return Outcome<ExpertView>.Ok(await ViewAsync(expert, ct));
    }

    /// <summary>The tenant's Expert account with this e-mail, if one exists: the profile is linked to it, so the expert
    /// signs in and sees their assignments.</summary>
    internal async Task<string?> ExpertAccountAsync(string? email, CancellationToken ct)
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
        if ((InputRefusals.Text<ExpertView>("name", input.Name, "氏名を入力してください。") ?? InputRefusals.Text<ExpertView>("affiliation", input.Affiliation)
             ?? InputRefusals.Text<ExpertView>("email", input.Email) ?? InputRefusals.Text<ExpertView>("note", input.Note)) is { } typed) return typed;
        if (string.IsNullOrWhiteSpace(input.Name)) return Outcome<ExpertView>.Invalid("name", "氏名を入力してください。");
        if (input.Name!.Trim().Length > 100) return Outcome<ExpertView>.Invalid("name", "氏名は100文字以内にしてください。");
        if (input.EngagementForm is null || !Enum.IsDefined(input.EngagementForm.Value))
            return Outcome<ExpertView>.Invalid("engagementForm", "任用形態を選んでください。");
        if (input.Affiliation?.Trim().Length > 200) return Outcome<ExpertView>.Invalid("affiliation", "所属は200文字以内にしてください。");
        if (!string.IsNullOrWhiteSpace(input.Email) && (input.Email.Trim().Length > 256 || !MailAddress.TryCreate(input.Email.Trim(), out _)))
            return Outcome<ExpertView>.Invalid("email", "メールアドレスの形式が正しくありません（例: tanaka@example.jp）。");
        if (input.MonthlyCapacityHours is not { } hours || hours is < 0 or > MaxMonthlyHours)
            return Outcome<ExpertView>.Invalid("monthlyCapacityHours", $"月あたりの対応可能時間を 0〜{MaxMonthlyHours} 時間で入力してください。");
        if (input.OnSiteDaysCap is < 0 or > 31) return Outcome<ExpertView>.Invalid("onSiteDaysCap", "1件あたりの訪問日数の上限は 0〜31 日にしてください。");
        if (input.OnlineHoursCap is < 0 or > MaxMonthlyHours)
            return Outcome<ExpertView>.Invalid("onlineHoursCap", $"1件あたりのオンライン時間の上限は 0〜{MaxMonthlyHours} 時間にしてください。");
        if (input.FundingTag is { } tag && !Enum.IsDefined(tag)) return Outcome<ExpertView>.Invalid("fundingTag", "財源を選んでください。");
        // A JSON list may hold null items ("skills": [null]): refused by name, never a 500.
        if (input.Skills?.Any(s => s is null) == true) return Outcome<ExpertView>.Invalid("skills", "スキルの一覧に空の項目があります。");
        if (input.Availability?.Any(a => a is null) == true) return Outcome<ExpertView>.Invalid("availability", "対応できる期間の一覧に空の項目があります。");
        if (input.Skills?.FirstOrDefault(s => s.Level is < 1 or > 3) is not null)
            return Outcome<ExpertView>.Invalid("skills", "スキルの程度は 1（基礎）〜3（指導できる）で選んでください。");
        if ((input.Availability ?? []).Select(a => InputRefusals.Date<ExpertView>("availability", a.From) ?? InputRefusals.Date<ExpertView>("availability", a.To)
                 ?? InputRefusals.Text<ExpertView>("availability", a.Note)).FirstOrDefault(r => r is not null) is { } period) return period;
        if (input.Availability?.FirstOrDefault(a => a.To < a.From) is not null)
            return Outcome<ExpertView>.Invalid("availability", "対応できる期間の終わりは始まり以降の日付にしてください。");
        if (input.Availability?.FirstOrDefault(a => a.Note?.Trim().Length > 500) is not null)
            return Outcome<ExpertView>.Invalid("availability", "対応できる期間の備考は500文字以内にしてください。");
        if (input.Note?.Trim().Length > 2000) return Outcome<ExpertView>.Invalid("note", "備考は2000文字以内にしてください。");
        return null;
    }

    internal async Task<ExpertView> ViewAsync(Expert e, CancellationToken ct) => (await ViewsAsync([e], ct))[0];

    /// <summary>The views of many experts in two queries (skills, availability), not two per expert.</summary>
    private async Task<IReadOnlyList<ExpertView>> ViewsAsync(IReadOnlyList<Expert> experts, CancellationToken ct)
    {
        var ids = experts.Select(e => e.Id).ToList();
        var skills = (await (from s in db.Set<ExpertSkill>().AsNoTracking()
                             join a in db.Set<SkillArea>().AsNoTracking() on s.SkillAreaId equals a.Id
                             where ids.Contains(s.ExpertId)
                             orderby a.SortOrder
                             select new { s.ExpertId, s.SkillAreaId, a.Name, s.Level }).ToListAsync(ct)).ToLookup(s => s.ExpertId);
        var availability = (await db.Set<ExpertAvailability>().AsNoTracking().Where(a => ids.Contains(a.ExpertId)).OrderBy(a => a.From)
            .Select(a => new { a.ExpertId, Period = new AvailabilityInput(a.From, a.To, a.Note) }).ToListAsync(ct)).ToLookup(a => a.ExpertId, a => a.Period);
        return [.. experts.Select(e => new ExpertView(e.Id, e.Name, e.EngagementForm, e.EngagementForm.ToJapanese(), e.Affiliation, e.Email,
            e.MonthlyCapacityHours, e.OnSiteDaysCap, e.OnlineHoursCap, e.FundingTag, e.FundingTag.ToJapanese(), e.Active, e.UserId is not null,
            [.. skills[e.Id].Select(s => new ExpertSkillView(s.SkillAreaId, s.Name, s.Level, TalentVocabulary.SkillLevel(s.Level)))],
            [.. availability[e.Id]], e.Note))];
    }
}
