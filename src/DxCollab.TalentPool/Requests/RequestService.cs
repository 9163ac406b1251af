using System.Security.Claims;
using System.Text.Json;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Requests;

public sealed record RequestInput(string? ThemeKey, string? Title, string? Description, IReadOnlyDictionary<string, string>? Intake,
    Urgency? Urgency, DateOnly? PreferredFrom, DateOnly? PreferredTo, SupportMode? Mode, IReadOnlyList<long>? FileIds);

public sealed record RequestView(long Id, string OrganizationCode, string? ThemeKey, string Title, string? Description,
    IReadOnlyDictionary<string, string> Intake, Urgency Urgency, string UrgencyName, DateOnly? PreferredFrom, DateOnly? PreferredTo,
    SupportMode Mode, string ModeName, RequestState State, string StateName, DateTime CreatedAt, string CreatedBy,
    DateTime? FirstAssignedAt, IReadOnlyList<long> FileIds, int Version);

/// <summary>Support requests of the 団体 (支援依頼). The skeleton: make one and read it; the requests slice adds the guided
/// intake (theme cards and their questions), 「相談したい」 with a thread, attachments, lists and withdrawal.</summary>
public sealed class RequestService(DxCollabDbContext db, TimeProvider clock)
{
    public async Task<Outcome<RequestView>> CreateAsync(RequestInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.OwnOrganizationCode() is not { } code || !user.MayRequestFor(code))
            return Outcome<RequestView>.Forbidden("支援を依頼できるのは市区町村の担当者です。");
        if (string.IsNullOrWhiteSpace(input.Title)) return Outcome<RequestView>.Invalid("title", "依頼の件名を入力してください。");
        if (input.Title.Trim().Length > 200) return Outcome<RequestView>.Invalid("title", "件名は200文字以内にしてください。");
        if (input.PreferredFrom is { } from && input.PreferredTo is { } to && to < from)
            return Outcome<RequestView>.Invalid("preferredTo", "希望する期間の終わりは始まり以降の日付にしてください。");
        var now = clock.GetUtcNow().UtcDateTime;
        var request = new SupportRequest
        {
            OrganizationCode = code, ThemeKey = string.IsNullOrWhiteSpace(input.ThemeKey) ? null : input.ThemeKey.Trim(),
            Title = input.Title.Trim(), Description = input.Description?.Trim(),
            IntakeJson = JsonSerializer.Serialize(input.Intake ?? new Dictionary<string, string>()),
            Urgency = input.Urgency ?? Urgency.Normal, PreferredFrom = input.PreferredFrom, PreferredTo = input.PreferredTo,
            Mode = input.Mode ?? SupportMode.Either, FileIdsJson = JsonSerializer.Serialize(input.FileIds ?? []),
            CreatedAt = now, CreatedBy = user.ActorLabel(), UpdatedAt = now,
        };
        db.Add(request);
        await db.SaveChangesAsync(ct);
        return Outcome<RequestView>.Ok(View(request));
    }

    public async Task<Outcome<RequestView>> GetAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var request = await db.Set<SupportRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return Outcome<RequestView>.NotFound("依頼が見つかりません。");
        var assigned = user.IsExpert() && await AssignedToUserAsync(request.Id, user, ct);
        return user.MayRead(request, assigned) ? Outcome<RequestView>.Ok(View(request)) : Outcome<RequestView>.NotFound("依頼が見つかりません。");
    }

    /// <summary>Is the signed-in expert assigned to this request (an expert sees only the requests of their assignments)?</summary>
    internal async Task<bool> AssignedToUserAsync(long requestId, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId();
        return userId is not null && await (from a in db.Set<Assignment>()
                                            join e in db.Set<Expert>() on a.ExpertId equals e.Id
                                            where a.RequestId == requestId && e.UserId == userId && a.State != AssignmentState.Cancelled
                                            select a.Id).AnyAsync(ct);
    }

    public static RequestView View(SupportRequest r) => new(r.Id, r.OrganizationCode, r.ThemeKey, r.Title, r.Description,
        JsonSerializer.Deserialize<Dictionary<string, string>>(r.IntakeJson) ?? [], r.Urgency, r.Urgency.ToJapanese(), r.PreferredFrom,
        r.PreferredTo, r.Mode, r.Mode.ToJapanese(), r.State, r.State.ToJapanese(), r.CreatedAt, r.CreatedBy, r.FirstAssignedAt,
        JsonSerializer.Deserialize<List<long>>(r.FileIdsJson) ?? [], r.Version);
}
