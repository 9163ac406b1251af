using System.Globalization;
using DxCollab.Platform.Prefill;
using DxCollab.Standardization.Tracking;

namespace DxCollab.Standardization.Prefill;

/// <summary>The 団体's 標準化 完了率 (%) for survey prefill, computed exactly as its progress page shows it: the 業務 it
/// reports less those switched off, steps with no record 未着手, (完了済み + 対象外) / (40 × 業務), rounded to 0.1.</summary>
public sealed class CompletionRatePrefill(SystemFacts facts, StepTracker tracker) : IPrefillSource
{
    public const string SourceKey = "standardization.completion-rate";

    public string Key => SourceKey;
    public string Label => "標準化の完了率（標準化の進捗より）";
    public PrefillValueType ValueType => PrefillValueType.Decimal;
    public string? Unit => "%";

    public async Task<string?> ValueForAsync(string organizationCode, CancellationToken ct = default)
    {
        if (await facts.ListAsync(organizationCode, ct) is not { } systems) return null;
        var counted = systems.Where(s => s.Enabled).Select(s => s.Business.Number).ToList();
        if (counted.Count == 0) return null;
        var statuses = (await tracker.GridAsync(organizationCode, ct)).ToDictionary(p => (p.BusinessNumber, p.StepNumber), p => p.Status);
        var rows = counted.Select(b => (IReadOnlyCollection<StepStatus>)MigrationStepDefinition.All
            .Select(s => statuses.GetValueOrDefault((b, s.Number), StepStatus.NotStarted)).ToList());
        return ProgressMath.ToDisplayPercent(ProgressMath.ForGroup(rows).CompletionRate).ToString("0.0", CultureInfo.InvariantCulture);
    }
}
