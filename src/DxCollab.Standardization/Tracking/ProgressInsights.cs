using DxCollab.Platform.Data;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;
using DxCollab.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

public enum OverdueSort { DaysOverdue, Organization, Business, PlannedDate }
public enum StalledSort { LastChange, Organization, Business }

/// <summary>A step past its planned date (Asia/Tokyo) that is neither 完了済み nor 対象外.</summary>
public sealed record OverdueStep(string OrganizationCode, string OrganizationName, int BusinessNumber, string BusinessName, int StepNumber,
    string StepId, string StepName, StepStatus Status, DateOnly PlannedDate, int DaysOverdue);

/// <summary>A 団体 × 業務 system with no step change for the tenant's StalledAfterWeeks. <see cref="LastChangedAt"/> (UTC)
/// is null when no step of it was ever recorded; it then counts from <see cref="StalledSince"/>, the tenant's first record.</summary>
public sealed record StalledSystem(string OrganizationCode, string OrganizationName, int BusinessNumber, string BusinessName,
    decimal CompletionRate, DateTime? LastChangedAt, DateTime StalledSince, int WeeksWithoutChange);

/// <summary>A 特定移行支援システム with its reason and planned completion.</summary>
public sealed record SpecificSupportSystem(string OrganizationCode, string OrganizationName, int BusinessNumber, string BusinessName,
    string? Reason, DateOnly? PlannedCompletion, string? VendorName, decimal CompletionRate);

/// <summary>The spread of the 団体's 完了率 for one 業務.</summary>
public sealed record BusinessDistribution(int BusinessNumber, string BusinessName, RateDistribution Distribution);

public sealed record InsightSummary(int OverdueSteps, int OverdueOrganizations, int StalledSystems, int StalledAfterWeeks,
    int SpecificSupportSystems, IReadOnlyList<BusinessDistribution> MeanHidesLaggards);

/// <summary>What the mean hides, for the current tenant: steps past their planned date, systems that stopped moving,
/// 特定移行支援 systems and the distribution of 完了率 per 業務. Only counted rows: active 団体, the 業務 they report, not
/// switched off. <paramref name="organizationCode"/> narrows every list to one 団体 (a municipality's own view).</summary>
public sealed class ProgressInsights(DxCollabDbContext db, TimeProvider clock, ProgressReads reads)
{
    public DateOnly TodayInTokyo => JapaneseCalendar.TodayInTokyo(clock.GetUtcNow());

    public async Task<IReadOnlyList<OverdueStep>> OverdueAsync(string? organizationCode = null, OverdueSort sort = OverdueSort.DaysOverdue,
        CancellationToken ct = default)
    {
        var today = TodayInTokyo;
        var systems = await SystemsAsync(organizationCode, ct);
        var candidates = await Steps(organizationCode)
            .PlannedBefore(today)
            .Select(p => new { p.OrganizationCode, p.BusinessNumber, p.StepNumber, p.Status, p.PlannedDate }).ToListAsync(ct);
        var steps = MigrationStepDefinition.All.ToDictionary(s => s.Number);
        var overdue = candidates
            .Where(p => systems.ContainsKey((p.OrganizationCode, p.BusinessNumber)) && InsightRules.IsOverdue(p.Status, p.PlannedDate, today))
            .Select(p =>
            {
                var org = systems[(p.OrganizationCode, p.BusinessNumber)];
                var step = steps[p.StepNumber];
                return new OverdueStep(p.OrganizationCode, org.Name, p.BusinessNumber, BusinessName(p.BusinessNumber), p.StepNumber, step.StepId,
                    step.Name, p.Status, p.PlannedDate!.Value, InsightRules.DaysOverdue(p.PlannedDate.Value, today));
            });
        return (sort switch
        {
            OverdueSort.Organization => overdue.OrderBy(o => o.OrganizationCode, StringComparer.Ordinal).ThenBy(o => o.BusinessNumber).ThenBy(o => o.StepNumber),
            OverdueSort.Business => overdue.OrderBy(o => o.BusinessNumber).ThenBy(o => o.OrganizationCode, StringComparer.Ordinal).ThenBy(o => o.StepNumber),
            OverdueSort.PlannedDate => overdue.OrderBy(o => o.PlannedDate).ThenBy(o => o.OrganizationCode, StringComparer.Ordinal).ThenBy(o => o.BusinessNumber).ThenBy(o => o.StepNumber),
            _ => overdue.OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.OrganizationCode, StringComparer.Ordinal).ThenBy(o => o.BusinessNumber).ThenBy(o => o.StepNumber),
        }).ToList();
    }

    public async Task<IReadOnlyList<StalledSystem>> StalledAsync(int weeks, string? organizationCode = null, StalledSort sort = StalledSort.LastChange,
        CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var systems = await SystemsAsync(organizationCode, ct);
        var tallies = await reads.BusinessesAsync(organizationCode, ct);
        var done = tallies.ToDictionary(t => t.Key, t => t.Value.Completed + t.Value.NotApplicable);
        // Last change per system (the tally keeps the latest of the history and the rows' own stamps, for rows that
        // predate their history: an import).
        var last = tallies.Where(t => t.Value.LastChangedAt is not null).ToDictionary(t => t.Key, t => t.Value.LastChangedAt!.Value);
        // The tenant's tracking start (first record anywhere in the tenant, not only in the 団体 asked about).
        DateTime? firstChange = await db.Set<StepProgressChange>().AsNoTracking().MinAsync(c => (DateTime?)c.ChangedAt, ct);
        DateTime? firstStamp = await db.Set<StepProgress>().AsNoTracking().MinAsync(p => (DateTime?)p.UpdatedAt, ct);
        DateTime? start = firstChange is null ? firstStamp : firstStamp is null ? firstChange : firstChange < firstStamp ? firstChange : firstStamp;

        var stalled = systems
            .Where(s => done.GetValueOrDefault(s.Key) < ProgressMath.StepsPerRow) // finished systems never stall
            .Select(s => (System: s, Last: last.TryGetValue(s.Key, out var at) ? at : (DateTime?)null))
            .Where(s => InsightRules.IsStalled(s.Last, start, now, weeks))
            .Select(s =>
            {
                var since = s.Last ?? start!.Value;
                return new StalledSystem(s.System.Key.Code, s.System.Value.Name, s.System.Key.Business, BusinessName(s.System.Key.Business),
                    done.GetValueOrDefault(s.System.Key) / (decimal)ProgressMath.StepsPerRow, s.Last, since,
                    (int)((now.UtcDateTime - since).TotalDays / 7));
            });
        return (sort switch
        {
            StalledSort.Organization => stalled.OrderBy(s => s.OrganizationCode, StringComparer.Ordinal).ThenBy(s => s.BusinessNumber),
            StalledSort.Business => stalled.OrderBy(s => s.BusinessNumber).ThenBy(s => s.OrganizationCode, StringComparer.Ordinal),
            _ => stalled.OrderBy(s => s.StalledSince).ThenBy(s => s.OrganizationCode, StringComparer.Ordinal).ThenBy(s => s.BusinessNumber),
        }).ToList();
    }

    public async Task<IReadOnlyList<SpecificSupportSystem>> SpecificSupportAsync(string? organizationCode = null, CancellationToken ct = default)
    {
        var systems = await SystemsAsync(organizationCode, ct);
        var flagged = await db.Set<BusinessSystem>().AsNoTracking()
            .Where(s => s.IsSpecificMigrationSupport && (organizationCode == null || s.OrganizationCode == organizationCode))
            .Select(s => new { s.OrganizationCode, s.BusinessNumber, s.SpecificSupportReason, s.SpecificSupportPlannedCompletion, s.VendorName })
            .ToListAsync(ct);
        var done = await DoneCountsAsync(organizationCode, ct);
        return flagged.Where(s => systems.ContainsKey((s.OrganizationCode, s.BusinessNumber)))
            .OrderBy(s => s.OrganizationCode, StringComparer.Ordinal).ThenBy(s => s.BusinessNumber)
            .Select(s => new SpecificSupportSystem(s.OrganizationCode, systems[(s.OrganizationCode, s.BusinessNumber)].Name, s.BusinessNumber,
                BusinessName(s.BusinessNumber), s.SpecificSupportReason, s.SpecificSupportPlannedCompletion, s.VendorName,
                done.GetValueOrDefault((s.OrganizationCode, s.BusinessNumber)) / (decimal)ProgressMath.StepsPerRow))
            .ToList();
    }

    /// <summary>Per 業務 (in 業務 order), how the 完了率 of the 団体 reporting it spread; 業務 nobody reports are left out.</summary>
    public async Task<IReadOnlyList<BusinessDistribution>> DistributionAsync(CancellationToken ct = default)
    {
        var systems = await SystemsAsync(null, ct);
        var done = await DoneCountsAsync(null, ct);
        return systems.Keys.GroupBy(k => k.Business).OrderBy(g => g.Key)
            .Select(g => new BusinessDistribution(g.Key, BusinessName(g.Key),
                InsightRules.Distribute(g.Select(k => done.GetValueOrDefault(k) / (decimal)ProgressMath.StepsPerRow))))
            .ToList();
    }

    /// <summary>The tenant's threshold for 停滞 (<see cref="MigrationSettings.StalledAfterWeeks"/>).</summary>
    public async Task<int> StalledAfterWeeksAsync(CancellationToken ct = default) =>
        (await MigrationSettings.LoadAsync(db, ct)).StalledAfterWeeks;

    /// <summary>The counts the dashboard shows, with a link to the details.</summary>
    public async Task<InsightSummary> SummaryAsync(int stalledAfterWeeks, CancellationToken ct = default)
    {
        var overdue = await OverdueAsync(ct: ct);
        var stalled = await StalledAsync(stalledAfterWeeks, ct: ct);
        var specific = await SpecificSupportAsync(ct: ct);
        var distribution = await DistributionAsync(ct);
        return new InsightSummary(overdue.Count, overdue.Select(o => o.OrganizationCode).Distinct().Count(), stalled.Count, stalledAfterWeeks,
            specific.Count, distribution.Where(d => d.Distribution.MeanHidesLaggards).ToList());
    }

    public static string BusinessName(int number) => StandardBusiness.All.FirstOrDefault(b => b.Number == number)?.OfficialName ?? number.ToString();

    private sealed record OrganizationName(string Name);

    /// <summary>The counted systems (団体 × 業務) with their 団体's name.</summary>
    private async Task<Dictionary<(string Code, int Business), OrganizationName>> SystemsAsync(string? organizationCode, CancellationToken ct)
    {
        var result = new Dictionary<(string, int), OrganizationName>();
        foreach (var org in await reads.CountedAsync(ct))
            if (organizationCode is null || org.Code == organizationCode)
                foreach (var business in org.Businesses)
                    result[(org.Code, business)] = new OrganizationName(org.Name);
        return result;
    }

    /// <summary>完了済み + 対象外 per system (from the tally).</summary>
    private async Task<Dictionary<(string Code, int Business), int>> DoneCountsAsync(string? organizationCode, CancellationToken ct) =>
        (await reads.BusinessesAsync(organizationCode, ct)).ToDictionary(t => t.Key, t => t.Value.Completed + t.Value.NotApplicable);

    private IQueryable<StepProgress> Steps(string? organizationCode) =>
        db.Set<StepProgress>().AsNoTracking().Where(p => organizationCode == null || p.OrganizationCode == organizationCode);
}
