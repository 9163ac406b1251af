using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Validation;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Advisers;

public sealed record AdviserInput(string? Name, string? Scheme, string? Affiliation, string? Skills, bool? Active = null);

public sealed record AdviserView(long Id, string Name, string Scheme, string? Affiliation, string? Skills, bool Active,
    int OnSiteDaysPerUse, int OnlineHoursPerUse);

/// <summary>The national adviser catalogue (地域情報化アドバイザー等): one list for the whole country, kept by the SystemAdmin
/// and read by every prefecture and host user.</summary>
public sealed class AdviserCatalog(DxCollabDbContext db)
{
    public async Task<IReadOnlyList<AdviserView>> ListAsync(bool includeInactive, CancellationToken ct = default) =>
        [.. (await db.Set<NationalAdviser>().AsNoTracking().Where(a => includeInactive || a.Active).OrderBy(a => a.Scheme).ThenBy(a => a.Name).ToListAsync(ct))
            .Select(View)];

    public async Task<Outcome<AdviserView>> CreateAsync(AdviserInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.IsSystemAdmin()) return Outcome<AdviserView>.Forbidden("国のアドバイザー名簿を変更できるのはシステム管理者です。");
        if (Validate(input) is { } invalid) return invalid;
        var adviser = new NationalAdviser { Name = input.Name!.Trim(), Scheme = input.Scheme!.Trim() };
        Apply(adviser, input);
        db.Add(adviser);
        await db.SaveChangesAsync(ct);
        return Outcome<AdviserView>.Ok(View(adviser));
    }

    public async Task<Outcome<AdviserView>> UpdateAsync(long id, AdviserInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.IsSystemAdmin()) return Outcome<AdviserView>.Forbidden("国のアドバイザー名簿を変更できるのはシステム管理者です。");
        var adviser = await db.Set<NationalAdviser>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (adviser is null) return Outcome<AdviserView>.NotFound("アドバイザーが見つかりません。");
        if (Validate(input) is { } invalid) return invalid;
        adviser.Name = input.Name!.Trim();
        adviser.Scheme = input.Scheme!.Trim();
        Apply(adviser, input);
        await db.SaveChangesAsync(ct);
        return Outcome<AdviserView>.Ok(View(adviser));
    }

    private static void Apply(NationalAdviser adviser, AdviserInput input)
    {
        adviser.Affiliation = string.IsNullOrWhiteSpace(input.Affiliation) ? null : input.Affiliation.Trim();
        adviser.Skills = string.IsNullOrWhiteSpace(input.Skills) ? null : input.Skills.Trim();
        adviser.Active = input.Active ?? true;
    }

    private static Outcome<AdviserView>? Validate(AdviserInput input)
    {
        if ((InputRefusals.Text<AdviserView>("name", input.Name, "氏名を入力してください。")
             ?? InputRefusals.Text<AdviserView>("scheme", input.Scheme, "制度名（例: 地域情報化アドバイザー）を入力してください。")
             ?? InputRefusals.Text<AdviserView>("affiliation", input.Affiliation) ?? InputRefusals.Text<AdviserView>("skills", input.Skills)) is { } typed) return typed;
        if (string.IsNullOrWhiteSpace(input.Name)) return Outcome<AdviserView>.Invalid("name", "氏名を入力してください。");
        if (input.Name!.Trim().Length > 100) return Outcome<AdviserView>.Invalid("name", "氏名は100文字以内にしてください。");
        if (string.IsNullOrWhiteSpace(input.Scheme)) return Outcome<AdviserView>.Invalid("scheme", "制度名（例: 地域情報化アドバイザー）を入力してください。");
        if (input.Scheme!.Trim().Length > 100) return Outcome<AdviserView>.Invalid("scheme", "制度名は100文字以内にしてください。");
        if (input.Affiliation?.Trim().Length > 200) return Outcome<AdviserView>.Invalid("affiliation", "所属は200文字以内にしてください。");
        if (input.Skills?.Trim().Length > 1000) return Outcome<AdviserView>.Invalid("skills", "得意分野は1000文字以内にしてください。");
        return null;
    }

    internal static AdviserView View(NationalAdviser a) =>
        new(a.Id, a.Name, a.Scheme, a.Affiliation, a.Skills, a.Active, NationalAdviser.OnSiteDaysPerUse, NationalAdviser.OnlineHoursPerUse);
}
