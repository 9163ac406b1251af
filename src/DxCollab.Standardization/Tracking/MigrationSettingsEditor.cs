using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

/// <summary>The values a PrefectureAdmin submits (null = left empty).</summary>
public sealed record MigrationSettingsInput(int? StalledAfterWeeks, int? EscalationAfterBusinessDays, int? MonthlyRequestBusinessDay);

/// <summary>Validates and saves the tenant's <see cref="MigrationSettings"/>; the first save creates its one row.</summary>
public sealed class MigrationSettingsEditor(DxCollabDbContext db, TimeProvider clock)
{
    public const int MaxStalledAfterWeeks = 52, MaxEscalationAfterBusinessDays = 60, MaxMonthlyRequestBusinessDay = 15;

    /// <summary>Errors by field (camelCase, as the API names them), in Japanese; empty when valid.</summary>
    public static Dictionary<string, string[]> Validate(MigrationSettingsInput input)
    {
        var errors = new Dictionary<string, string[]>();
        Check(errors, "stalledAfterWeeks", input.StalledAfterWeeks, MaxStalledAfterWeeks, "停滞とみなす期間", "週");
        Check(errors, "escalationAfterBusinessDays", input.EscalationAfterBusinessDays, MaxEscalationAfterBusinessDays, "都道府県へ知らせるまでの日数", "営業日");
        Check(errors, "monthlyRequestBusinessDay", input.MonthlyRequestBusinessDay, MaxMonthlyRequestBusinessDay, "毎月の更新依頼日", "営業日目");
        return errors;
    }

    /// <summary>The tenant's settings as they stand (the defaults until the first save).</summary>
    public Task<MigrationSettings> CurrentAsync(CancellationToken ct = default) => MigrationSettings.LoadAsync(db, ct);

    /// <summary>Saves valid input (and returns no errors), or returns the errors and changes nothing.</summary>
    public async Task<Dictionary<string, string[]>> SaveAsync(MigrationSettingsInput input, string updatedBy, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0) return errors;
        var settings = await db.Set<MigrationSettings>().FirstOrDefaultAsync(ct);
        var created = settings is null;
        settings ??= db.Add(new MigrationSettings()).Entity;
        Apply(settings, input, updatedBy);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (created)
        {
            // Another admin's first save won the one row per tenant: save ours over it.
            db.Entry(settings).State = EntityState.Detached;
            var existing = await db.Set<MigrationSettings>().FirstAsync(ct);
            Apply(existing, input, updatedBy);
            await db.SaveChangesAsync(ct);
        }
        return errors;
    }

    private void Apply(MigrationSettings settings, MigrationSettingsInput input, string updatedBy)
    {
        settings.StalledAfterWeeks = input.StalledAfterWeeks!.Value;
        settings.EscalationAfterBusinessDays = input.EscalationAfterBusinessDays!.Value;
        settings.MonthlyRequestBusinessDay = input.MonthlyRequestBusinessDay!.Value;
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        settings.UpdatedBy = updatedBy;
    }

    private static void Check(Dictionary<string, string[]> errors, string field, int? value, int max, string label, string unit)
    {
        if (value is null) errors[field] = [$"{label}を入力してください（1〜{max} {unit}）。"];
        else if (value < 1 || value > max) errors[field] = [$"{label}は 1〜{max} {unit}の範囲で入力してください。"];
    }
}
