using DxCollab.Standardization.Contracts;
using DxCollab.Platform.Data;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

/// <summary>A new status with optional details. <paramref name="ReplaceDetails"/>: the dates and note are exactly as given
/// (an empty one clears it) — one step edited on its own form or by PUT; otherwise an empty one keeps what is recorded —
/// bulk changes and imports, which set statuses across many steps.</summary>
public sealed record StepUpdate(StepStatus Status, DateOnly? PlannedDate = null, DateOnly? ActualDate = null, string? Note = null,
    bool ReplaceDetails = false);

/// <summary>The outcome of an update: how many steps changed, or the reasons it was refused (keyed by field).</summary>
public sealed record TrackingResult(int Changed, int Unchanged, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static TrackingResult Fail(string field, string message) => new(0, 0, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>Changes step statuses of one 団体: one step, or many 業務 × steps at once ("①-1 … ④-4 done for these 12
/// 業務"). Steps are never forced into order. Each changed step keeps its history, and one
/// <see cref="MigrationStepsChanged"/> event goes out through the outbox in the same transaction.</summary>
public sealed class StepTracker(DxCollabDbContext db, TimeProvider clock)
{
    public async Task<TrackingResult> UpdateAsync(string organizationCode, IReadOnlyCollection<int> businesses, IReadOnlyCollection<int> steps,
        StepUpdate update, string actor, string source, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == organizationCode && o.AbolishedOn == null, ct);
        if (org is null) return TrackingResult.Fail("organizationCode", $"団体コード「{organizationCode}」の団体はこの都道府県にありません。");
        if (businesses.Count == 0) return TrackingResult.Fail("businesses", "業務を1つ以上選んでください。");
        if (steps.Count == 0) return TrackingResult.Fail("steps", "ステップを1つ以上選んでください。");
        var reported = MigrationCatalog.BusinessesOf(org.Type);
        var foreign = businesses.Where(b => !reported.Contains(b)).ToList();
        if (foreign.Count > 0)
            return TrackingResult.Fail("businesses", org.IsPrefecture
                ? "都道府県が報告する業務は児童扶養手当と生活保護だけです。"
                : $"業務番号 {string.Join("、", foreign)} はありません（1〜20）。");
        var badSteps = steps.Where(s => s is < 1 or > MigrationCatalog.StepCount).ToList();
        if (badSteps.Count > 0) return TrackingResult.Fail("steps", $"ステップ番号 {string.Join("、", badSteps)} はありません（1〜40）。");
        if (update.Note is { Length: > 1000 }) return TrackingResult.Fail("note", "メモは1000文字以内にしてください。");
        // The shared rules (9999-12-31, NUL in a note, a note of zero-width characters): pages, API and import alike.
        var details = new Dictionary<string, string[]>().CheckDate("plannedDate", update.PlannedDate).CheckDate("actualDate", update.ActualDate)
            .CheckText("note", update.Note);
        if (details.Count > 0) return new TrackingResult(0, 0, details);
        var disabled = await db.Set<BusinessSystem>().Where(s => s.OrganizationCode == organizationCode && !s.IsEnabled && businesses.Contains(s.BusinessNumber))
            .Select(s => s.BusinessNumber).ToListAsync(ct);
        if (disabled.Count > 0) return TrackingResult.Fail("businesses", $"業務番号 {string.Join("、", disabled)} はこの団体では対象にしていません。");

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Set<StepProgress>()
            .Where(p => p.OrganizationCode == organizationCode && businesses.Contains(p.BusinessNumber) && steps.Contains(p.StepNumber))
            .ToDictionaryAsync(p => (p.BusinessNumber, p.StepNumber), ct);
        int changed = 0, unchanged = 0;
        foreach (var business in businesses.Distinct())
            foreach (var step in steps.Distinct())
            {
                existing.TryGetValue((business, step), out var row);
                var planned = update.ReplaceDetails ? update.PlannedDate : update.PlannedDate ?? row?.PlannedDate;
                var actual = update.ReplaceDetails ? update.ActualDate : update.ActualDate ?? row?.ActualDate;
                var note = update.ReplaceDetails ? update.Note : update.Note ?? row?.Note;
                if (row is not null && row.Status == update.Status && row.PlannedDate == planned && row.ActualDate == actual && row.Note == note)
                {
                    unchanged++;
                    continue;
                }
                if (row is null)
                {
                    row = new StepProgress { OrganizationCode = organizationCode, BusinessNumber = business, StepNumber = step };
                    db.Add(row);
                }
                db.Add(new StepProgressChange
                {
                    OrganizationCode = organizationCode, BusinessNumber = business, StepNumber = step,
                    FromStatus = db.Entry(row).State == EntityState.Added ? null : row.Status, ToStatus = update.Status,
                    PlannedDate = planned, ActualDate = actual, Note = note, ChangedAt = now, ChangedBy = actor, Source = source,
                });
                row.Status = update.Status;
                row.PlannedDate = planned;
                row.ActualDate = actual;
                row.Note = note;
                row.UpdatedAt = now;
                row.UpdatedBy = actor;
                changed++;
            }
        if (changed > 0)
        {
            db.AddIntegrationEvent(new MigrationStepsChanged(db.CurrentTenantId!, organizationCode, [.. businesses.Distinct().Order()],
                [.. steps.Distinct().Order()], update.Status, now, source), aggregateKey: $"migration:{organizationCode}");
            await db.SaveChangesAsync(ct);
        }
        return new(changed, unchanged, new Dictionary<string, string[]>());
    }

    /// <summary>One step's row, or null while it is 未着手 with nothing recorded.</summary>
    public async Task<StepProgress?> FindAsync(string organizationCode, int business, int step, CancellationToken ct = default) =>
        await db.Set<StepProgress>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.OrganizationCode == organizationCode && p.BusinessNumber == business && p.StepNumber == step, ct);

    /// <summary>Every recorded change of one step (unordered: the step page merges them with 証跡 events).</summary>
    public async Task<IReadOnlyList<StepProgressChange>> HistoryAsync(string organizationCode, int business, int step, CancellationToken ct = default) =>
        await db.Set<StepProgressChange>().AsNoTracking()
            .Where(c => c.OrganizationCode == organizationCode && c.BusinessNumber == business && c.StepNumber == step).ToListAsync(ct);

    /// <summary>One 団体's latest changes since <paramref name="sinceUtc"/>, newest first.</summary>
    public async Task<IReadOnlyList<StepProgressChange>> ChangesSinceAsync(string organizationCode, DateTime sinceUtc, int take, CancellationToken ct = default) =>
        await db.Set<StepProgressChange>().AsNoTracking()
            .Where(c => c.OrganizationCode == organizationCode && c.ChangedAt >= sinceUtc)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(take).ToListAsync(ct);

    /// <summary>The 業務 × step grid of one 団体 (absent steps are 未着手).</summary>
    public async Task<IReadOnlyList<StepProgress>> GridAsync(string organizationCode, CancellationToken ct = default) =>
        await db.Set<StepProgress>().AsNoTracking().Where(p => p.OrganizationCode == organizationCode)
            .OrderBy(p => p.BusinessNumber).ThenBy(p => p.StepNumber).ToListAsync(ct);
}
