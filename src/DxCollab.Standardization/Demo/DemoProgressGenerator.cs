using DxCollab.Platform.Hosting;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Text;
using DxCollab.Standardization.Tracking;

namespace DxCollab.Standardization.Demo;

public sealed record DemoOrganization(string Code, string Name, OrganizationType Type);

/// <summary>The one 特定移行支援システム of a demo tenant.</summary>
public sealed record DemoSpecificSupport(string OrganizationCode, int BusinessNumber, string Reason, DateOnly PlannedCompletion);

/// <summary>What the demo seeds into one tenant, plus the municipalities the published figures did not name.</summary>
public sealed class DemoProgress
{
    public List<StepProgress> Steps { get; } = [];
    public List<StepProgressChange> Changes { get; } = [];
    public List<BusinessSystem> Systems { get; } = [];
    public List<string> Unmatched { get; } = [];
}

/// <summary>Builds a demo tenant's step statuses from the published 2026-01 figures. The prefecture gets its own
/// published statuses; each municipality × 業務 gets exactly round(rate × 40) steps 完了済み or 対象外 (so the
/// 完了率 is the published one), mostly the earlier steps in procedure order, then one or two steps 作業中. Dates
/// are invented relative to <c>now</c> (Asia/Tokyo): actual dates spread over the last two to three years, 作業中
/// steps planned in the coming months except a few already past due, and a few 団体 that have not updated for
/// months. Deterministic: every choice is seeded by 団体コード (+ 業務), so every start gives the same figures.</summary>
public static class DemoProgressGenerator
{
    public const string DefaultActor = "デモデータ";
    public const string Source = "import";
    /// <summary>History is kept for changes this recent (older history predates the demo).</summary>
    public const int HistoryDays = 62;

    /// <summary>The steps bodies report 対象外 most often in the 2026-01 prefecture data (RFI and RFP skipped when the
    /// current vendor carries on, ⑫-1 PIA, ⑰-1 no 条例 change).</summary>
    private static readonly HashSet<int> OftenNotApplicable = [14, 15, 16, 17, 18, 19, 23, 24, 25, 26, 27, 30, 39];

    /// <summary>round(rate × 40): the number of steps 完了済み or 対象外 that reproduces a published rate. All 2026-01
    /// rates are multiples of 1/40; any other would get the closest count.</summary>
    public static int DoneCount(double rate) => Math.Clamp((int)Math.Round(rate * MigrationCatalog.StepCount, MidpointRounding.AwayFromZero), 0, MigrationCatalog.StepCount);

    /// <param name="officers">団体コード → the e-mail shown as who changed that 団体's steps (the demo accounts); these
    /// 団体 are also kept active and get one overdue step each, so their officers see every feature.</param>
    /// <param name="seed">Mixed into every choice (the generated nation's <c>--seed</c>); null for the demo, whose
    /// figures stay those of every earlier start.</param>
    public static DemoProgress Generate(IReadOnlyList<DemoOrganization> organizations, PublishedFigures figures, DemoSpecificSupport? specificSupport,
        IReadOnlyDictionary<string, string> officers, DateTime nowUtc, int? seed = null)
    {
        string Key(string text) => seed is null ? text : $"{seed.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{text}";
        var today = JapaneseCalendar.TodayInTokyo(new DateTimeOffset(nowUtc, TimeSpan.Zero));
        var result = new DemoProgress();
        foreach (var org in organizations.OrderBy(o => o.Code))
        {
            var actor = officers.GetValueOrDefault(org.Code, DefaultActor);
            var orgRandom = new DemoRandom(Key(org.Code));
            // When the 団体 last updated its sheet: most in the last weeks, a few (about 1 in 14) not for 10+ weeks.
            var orgDaysAgo = officers.ContainsKey(org.Code) || org.Type == OrganizationType.Prefecture ? orgRandom.Next(1, 10)
                : orgRandom.Chance(0.07) ? orgRandom.Next(72, 130) : orgRandom.Next(1, 30);
            foreach (var business in MigrationCatalog.BusinessesOf(org.Type))
            {
                var random = new DemoRandom(Key($"{org.Code}:{business}"));
                IReadOnlyDictionary<int, StepStatus> statuses;
                if (org.Type == OrganizationType.Prefecture)
                    statuses = figures.PrefectureSteps.GetValueOrDefault(business) ?? new Dictionary<int, StepStatus>();
                else if (figures.MunicipalRates.TryGetValue((org.Name, business), out var rate))
                    statuses = Statuses(DoneCount(rate), random);
                else
                {
                    if (!result.Unmatched.Contains(org.Name)) result.Unmatched.Add(org.Name);
                    continue;
                }
                var specific = specificSupport is not null && specificSupport.OrganizationCode == org.Code && specificSupport.BusinessNumber == business;
                var rowDaysAgo = orgDaysAgo + (random.Chance(0.6) ? 0 : random.Next(0, 30));
                if (statuses.Count == MigrationCatalog.StepCount && statuses.Values.All(s => s.CountsAsDone()))
                    rowDaysAgo = Math.Max(orgDaysAgo, random.Next(14, 240)); // finished: went live some time ago
                var rows = Schedule(org.Code, business, statuses, today.AddDays(-rowDaysAgo), today, random, actor,
                    specific ? specificSupport!.PlannedCompletion : null);
                result.Steps.AddRange(rows);
                if (specific)
                    result.Systems.Add(new BusinessSystem
                    {
                        OrganizationCode = org.Code, BusinessNumber = business, IsSpecificMigrationSupport = true,
                        SpecificSupportReason = specificSupport!.Reason, SpecificSupportPlannedCompletion = specificSupport.PlannedCompletion,
                        TargetGoLive = specificSupport.PlannedCompletion, UpdatedAt = At(today.AddDays(-rowDaysAgo), random), UpdatedBy = actor,
                    });
            }
        }
        MakeSomeOverdue(result.Steps, organizations, specificSupport, officers.Keys, today, Key);
        foreach (var step in result.Steps.Where(s => s.UpdatedAt >= nowUtc.AddDays(-HistoryDays)))
            result.Changes.Add(new StepProgressChange
            {
                OrganizationCode = step.OrganizationCode, BusinessNumber = step.BusinessNumber, StepNumber = step.StepNumber,
                FromStatus = step.Status == StepStatus.Completed ? StepStatus.InProgress : null, ToStatus = step.Status,
                PlannedDate = step.PlannedDate, ActualDate = step.ActualDate, Note = step.Note,
                ChangedAt = step.UpdatedAt, ChangedBy = step.UpdatedBy, Source = Source,
            });
        return result;
    }

    /// <summary>Statuses of one municipal row with <paramref name="done"/> steps done: the first steps in procedure
    /// order (now and then one step near the front left open while a later one is done), a few of them 対象外, then
    /// one or two steps 作業中. Steps with no entry are 未着手.</summary>
    internal static Dictionary<int, StepStatus> Statuses(int done, DemoRandom random)
    {
        var order = Enumerable.Range(1, MigrationCatalog.StepCount).ToArray();
        if (done is >= 3 and <= 37 && random.Chance(0.3))
        {
            var early = done - 1 - random.Next(0, Math.Min(4, done));
            var late = done + random.Next(0, 3);
            (order[early], order[late]) = (order[late], order[early]);
        }
        var statuses = new Dictionary<int, StepStatus>();
        foreach (var step in order.Take(done))
            statuses[step] = OftenNotApplicable.Contains(step) && random.Chance(0.3) ? StepStatus.NotApplicable : StepStatus.Completed;
        var working = done == MigrationCatalog.StepCount ? 0 : random.Next(0, 20) switch { < 3 => 0, < 14 => 1, _ => 2 };
        foreach (var step in order.Skip(done).Take(working)) statuses[step] = StepStatus.InProgress;
        return statuses;
    }

    /// <summary>Dates for one row: done steps spread in step order from a start two to three years back up to the
    /// row's last update; 作業中 steps updated then and planned in the coming months (or, for a 特定移行支援 system, up
    /// to its planned completion, with ⑱-1 運用開始 planned on that day).</summary>
    private static List<StepProgress> Schedule(string code, int business, IReadOnlyDictionary<int, StepStatus> statuses, DateOnly lastUpdate,
        DateOnly today, DemoRandom random, string actor, DateOnly? specificCompletion)
    {
        var rows = new List<StepProgress>();
        var done = statuses.Where(s => s.Value.CountsAsDone()).Select(s => s.Key).Order().ToList();
        var start = today.AddDays(-random.Next(700, 1100));
        var span = Math.Max(lastUpdate.DayNumber - start.DayNumber, 1);
        for (var i = 0; i < done.Count; i++)
        {
            var date = Weekday(start.AddDays((int)(span * (i + 1.0) / done.Count)));
            var completed = statuses[done[i]] == StepStatus.Completed;
            var recorded = date.AddDays(random.Next(0, 4));
            rows.Add(Row(code, business, done[i], statuses[done[i]],
                planned: completed && random.Chance(0.7) ? Weekday(date.AddDays(random.Next(-7, 21))) : null,
                actual: completed ? date : null, updated: At(recorded > lastUpdate ? lastUpdate : recorded, random), actor));
        }
        var horizon = specificCompletion is { } end ? Math.Max(end.DayNumber - today.DayNumber, 60) : 150;
        foreach (var step in statuses.Where(s => s.Value == StepStatus.InProgress).Select(s => s.Key).Order())
            rows.Add(Row(code, business, step, StepStatus.InProgress, Weekday(today.AddDays(random.Next(10, horizon))), null, At(lastUpdate, random), actor));
        if (specificCompletion is { } completion && !statuses.ContainsKey(MigrationCatalog.StepCount))
            rows.Add(Row(code, business, MigrationCatalog.StepCount, StepStatus.NotStarted, completion, null, At(lastUpdate, random), actor));
        return rows;
    }

    /// <summary>A handful of 作業中 steps (one per 団体, one in each demo officer's 団体) and one 未着手 step get a
    /// planned date already past, so "past due" has entries and the reminders have something to say.</summary>
    private static void MakeSomeOverdue(List<StepProgress> steps, IReadOnlyList<DemoOrganization> organizations, DemoSpecificSupport? specific,
        IEnumerable<string> demoBodies, DateOnly today, Func<string, string> key)
    {
        const int Others = 6;
        var prefectures = organizations.Where(o => o.Type == OrganizationType.Prefecture).Select(o => o.Code).ToHashSet();
        var candidates = steps
            .Where(s => s.Status == StepStatus.InProgress && !prefectures.Contains(s.OrganizationCode)
                        && !(specific is not null && s.OrganizationCode == specific.OrganizationCode && s.BusinessNumber == specific.BusinessNumber))
            .OrderBy(s => DemoRandom.Hash(key($"{s.OrganizationCode}:{s.BusinessNumber}:{s.StepNumber}:overdue")))
            .ToList();
        var demo = demoBodies.ToHashSet();
        var picked = demo.Select(code => candidates.FirstOrDefault(s => s.OrganizationCode == code)).OfType<StepProgress>().ToList();
        picked.AddRange(candidates.Where(s => !demo.Contains(s.OrganizationCode)).DistinctBy(s => s.OrganizationCode).Take(Others));
        foreach (var step in picked)
            step.PlannedDate = Weekday(today.AddDays(-new DemoRandom(key($"{step.OrganizationCode}:{step.BusinessNumber}:{step.StepNumber}")).Next(3, 45)));

        // One 未着手 step past its planned date: the step after the 作業中 ones of a row not picked above.
        var row = candidates.Skip(picked.Count + 10).FirstOrDefault(s => !picked.Any(p => p.OrganizationCode == s.OrganizationCode));
        if (row is null) return;
        var taken = steps.Where(s => s.OrganizationCode == row.OrganizationCode && s.BusinessNumber == row.BusinessNumber).Select(s => s.StepNumber).ToHashSet();
        var next = Enumerable.Range(row.StepNumber + 1, MigrationCatalog.StepCount - row.StepNumber).FirstOrDefault(n => !taken.Contains(n));
        if (next == 0) return;
        steps.Add(Row(row.OrganizationCode, row.BusinessNumber, next, StepStatus.NotStarted, Weekday(today.AddDays(-12)), null, row.UpdatedAt,
            row.UpdatedBy ?? DefaultActor));
    }

    private static StepProgress Row(string code, int business, int step, StepStatus status, DateOnly? planned, DateOnly? actual, DateTime updated, string actor) =>
        new()
        {
            OrganizationCode = code, BusinessNumber = business, StepNumber = step, Status = status,
            PlannedDate = planned, ActualDate = actual, UpdatedAt = updated, UpdatedBy = actor,
        };

    /// <summary>Saturday and Sunday move back to Friday (offices record work on weekdays).</summary>
    private static DateOnly Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(-2),
        _ => date,
    };

    /// <summary>A moment in office hours (Asia/Tokyo) of that day, as UTC.</summary>
    private static DateTime At(DateOnly date, DemoRandom random) =>
        DateTime.SpecifyKind(date.ToDateTime(new TimeOnly(9, 0)).AddMinutes(random.Next(0, 8 * 60)) - TimeSpan.FromHours(9), DateTimeKind.Utc);
}
