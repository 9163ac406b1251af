using JapaneseCalendar = DxCollab.Platform.Text.JapaneseCalendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Text;
using DxCollab.Standardization.Tracking;
using DxCollab.Platform.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Standardization.Reminders;

/// <summary>A step past its planned date: not 完了済み or 対象外, its 業務 not switched off, its 団体 not abolished.</summary>
public sealed record OverdueStep(string OrganizationCode, string OrganizationName, int Business, int Step, DateOnly PlannedDate, StepStatus Status)
{
    /// <summary>「住民基本台帳 ②-1 …（予定日 令和8年11月20日、作業中）」</summary>
    public string Describe()
    {
        var step = MigrationStepDefinition.All.First(s => s.Number == Step);
        return $"{ProgressGrouper.BusinessName(Business)} {step.StepId} {step.Name}（予定日 {JapaneseCalendar.Format(PlannedDate)}、{Status.JapaneseName()}）";
    }
}

/// <summary>What the 標準化 reminder rules share: the overdue steps and how they are listed (recipients, keys and
/// "last told" come from Platform's reminder helpers).</summary>
public static class OverdueSteps
{
    /// <summary>A notification body lists at most this many steps (the platform caps bodies at 4,000 characters).</summary>
    private const int MaxListed = 30;

    /// <summary>The tenant's overdue steps of one scan, read once: the overdue and the escalation rule both start from
    /// them. Kept for that scan only (the same context object), so a later scan in the same scope reads afresh.</summary>
    public static async Task<IReadOnlyList<OverdueStep>> OfScanAsync(ReminderScanContext context, CancellationToken ct)
    {
        var kept = context.Services.GetRequiredService<ScanMemo>();
        if (ReferenceEquals(kept.Scan, context) && kept.Steps is { } steps) return steps;
        steps = await LoadAsync(context.Db, context.TodayInTokyo, ct);
        (kept.Scan, kept.Steps) = (context, steps);
        return steps;
    }

    /// <summary>Scoped: what <see cref="OfScanAsync"/> read for the scope's latest scan.</summary>
    public sealed class ScanMemo
    {
        internal ReminderScanContext? Scan;
        internal IReadOnlyList<OverdueStep>? Steps;
    }

    public static async Task<IReadOnlyList<OverdueStep>> LoadAsync(DxCollabDbContext db, DateOnly today, CancellationToken ct)
    {
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.AbolishedOn == null)
            .ToDictionaryAsync(o => o.Code, o => o.Name, ct);
        var disabled = await SwitchedOffBusinesses.LoadAsync(db, ct);
        var steps = await db.Set<StepProgress>().AsNoTracking()
            .PlannedBefore(today)
            .Select(p => new { p.OrganizationCode, p.BusinessNumber, p.StepNumber, p.PlannedDate, p.Status })
            .ToListAsync(ct);
        // One definition of "overdue" for reminders and the insights page.
        return steps.Where(p => organizations.ContainsKey(p.OrganizationCode) && !disabled.Contains((p.OrganizationCode, p.BusinessNumber))
                && InsightRules.IsOverdue(p.Status, p.PlannedDate, today))
            .Select(p => new OverdueStep(p.OrganizationCode, organizations[p.OrganizationCode], p.BusinessNumber, p.StepNumber, p.PlannedDate!.Value, p.Status))
            .OrderBy(p => p.OrganizationCode, StringComparer.Ordinal).ThenBy(p => p.PlannedDate).ThenBy(p => p.Business).ThenBy(p => p.Step)
            .ToList();
    }

    /// <summary>The listed steps, at most <see cref="MaxListed"/>, then how many more.</summary>
    public static string List(IReadOnlyCollection<OverdueStep> steps)
    {
        var lines = steps.Take(MaxListed).Select(s => "・" + s.Describe()).ToList();
        if (steps.Count > MaxListed) lines.Add($"ほか {steps.Count - MaxListed} 件");
        return string.Join("\n", lines);
    }

    public static string Link(DxCollabDbContext db, string organizationCode) => $"/{db.CurrentTenantId}/migration/{organizationCode}";
}
