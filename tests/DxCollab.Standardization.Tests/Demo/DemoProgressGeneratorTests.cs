using System.Globalization;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;
using DxCollab.Standardization.Demo;
using DxCollab.Standardization.Tracking;

namespace DxCollab.Standardization.Tests.Demo;

/// <summary>The demo figures of osaka and kyoto: the 完了率 of every row is the one 総務省 published for 2026-01, and
/// the rest (dates, 作業中, overdue, stalled, history) looks like a prefecture in the middle of its migration.</summary>
public class DemoProgressGeneratorTests
{
    // 2026-11-30 09:00 in Tokyo (a Monday).
    private static readonly DateTime Now = new(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 30);

    public static TheoryData<string, string> Prefectures => new() { { "27", "大阪府" }, { "26", "京都府" } };

    private static List<DemoOrganization> Organizations(string prefectureCode) =>
        [.. LocalGovernmentList.Bundled.Where(r => r.PrefectureCode == prefectureCode).Select(r => new DemoOrganization(r.Code, r.Name, r.Type))];

    private static DemoProgress Generate(string prefectureCode, string prefecture, DemoSpecificSupport? specific = null) =>
        DemoProgressGenerator.Generate(Organizations(prefectureCode), PublishedFigures.For(prefecture)!, specific,
            new Dictionary<string, string> { ["272035"] = "toyonaka@osaka.example" }, Now);

    private static IEnumerable<string[]> Csv(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", file)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','));

    private static Dictionary<(string Code, int Business), int> DoneCounts(DemoProgress demo) =>
        demo.Steps.Where(s => s.Status.CountsAsDone()).GroupBy(s => (s.OrganizationCode, s.BusinessNumber)).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void Every_published_municipal_rate_is_a_multiple_of_one_fortieth()
    {
        var rates = Csv("Demo/municipality-business-rates.csv").Select(f => decimal.Parse(f[3], CultureInfo.InvariantCulture)).ToList();
        rates.Count.ShouldBe(1_741 * 20); // every municipality of the 47 prefectures
        rates.ShouldAllBe(r => r * 40 == decimal.Truncate(r * 40));
    }

    [Theory]
    [MemberData(nameof(Prefectures))]
    public void Every_municipality_and_business_reproduces_its_published_rate(string code, string prefecture)
    {
        var demo = Generate(code, prefecture);
        demo.Unmatched.ShouldBeEmpty();
        var done = DoneCounts(demo);
        var names = Organizations(code).ToDictionary(o => o.Name, o => o.Code);
        var published = Csv("Demo/municipality-business-rates.csv").Where(f => f[0] == prefecture).ToList();
        published.Count.ShouldBe((names.Count - 1) * 20);
        var mismatches = published
            .Select(f => (f, Computed: done.GetValueOrDefault((names[f[1]], StandardBusiness.Find(f[2])!.Number)) / 40m))
            .Where(x => x.Computed != decimal.Parse(x.f[3], CultureInfo.InvariantCulture))
            .Select(x => $"{x.f[1]} {x.f[2]}: {x.Computed} ≠ {x.f[3]}").ToList();
        mismatches.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Prefectures))]
    public void The_prefecture_gets_its_own_published_statuses(string code, string prefecture)
    {
        var demo = Generate(code, prefecture);
        var prefectureCode = Organizations(code).Single(o => o.Type == OrganizationType.Prefecture).Code;
        var seeded = demo.Steps.Where(s => s.OrganizationCode == prefectureCode).ToList();
        seeded.Select(s => s.BusinessNumber).Distinct().Order().ShouldBe([14, 15]);
        var published = Csv("prefecture-step-status.csv").Where(f => f[0] == prefecture).ToList();
        published.ShouldNotBeEmpty();
        foreach (var f in published)
        {
            var step = seeded.SingleOrDefault(s => s.BusinessNumber == StandardBusiness.Find(f[1])!.Number && s.StepNumber == int.Parse(f[2]));
            (step?.Status ?? StepStatus.NotStarted).ShouldBe(StepStatusText.Parse(f[3])!.Value, $"{f[1]} step {f[2]}");
        }
        var done = DoneCounts(demo);
        var rates = Csv("prefecture-published-rates.csv").Where(f => f[0] == prefecture).ToList();
        rates.Count.ShouldBe(2); // 業務 14 and 15, reported by the prefecture itself
        foreach (var f in rates)
            (done.GetValueOrDefault((prefectureCode, StandardBusiness.Find(f[1])!.Number)) / 40m).ShouldBe(decimal.Parse(f[2], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Same_figures_at_every_start()
    {
        static string Fingerprint(DemoProgress d) => string.Join(";", d.Steps.Select(s => $"{s.OrganizationCode}/{s.BusinessNumber}/{s.StepNumber}/{s.Status}/{s.PlannedDate}/{s.ActualDate}/{s.UpdatedAt:O}"));
        Fingerprint(Generate("27", "大阪府")).ShouldBe(Fingerprint(Generate("27", "大阪府")));
    }

    [Fact]
    public void Every_prefecture_has_published_rates_for_each_of_its_municipalities()
    {
        foreach (var prefecture in LocalGovernmentList.Bundled.Where(r => r.Type == OrganizationType.Prefecture))
        {
            var figures = PublishedFigures.For(prefecture.Name);
            figures.ShouldNotBeNull(prefecture.Name);
            LocalGovernmentList.Bundled.Where(r => r.PrefectureCode == prefecture.PrefectureCode && r.Type != OrganizationType.Prefecture && r.SuccessorCode == null)
                .SelectMany(r => MigrationCatalog.BusinessesOf(r.Type).Where(b => !figures.MunicipalRates.ContainsKey((r.Name, b))).Select(b => $"{r.Name} {b}"))
                .ShouldBeEmpty(prefecture.Name);
        }
    }

    [Fact]
    public void A_seed_changes_which_steps_are_done_but_not_the_rates()
    {
        static string Fingerprint(DemoProgress d) => string.Join(";", d.Steps.Select(s => $"{s.OrganizationCode}/{s.BusinessNumber}/{s.StepNumber}/{s.Status}/{s.PlannedDate}/{s.UpdatedAt:O}"));
        static List<string> Rates(DemoProgress d) => [.. DoneCounts(d).OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}")];
        DemoProgress Seeded(int? seed) => DemoProgressGenerator.Generate(Organizations("31"), PublishedFigures.For("鳥取県")!, null, new Dictionary<string, string>(), Now, seed);
        var demo = Seeded(null);
        var one = Seeded(1);
        Fingerprint(Seeded(1)).ShouldBe(Fingerprint(one));
        Fingerprint(one).ShouldNotBe(Fingerprint(demo));
        Fingerprint(Seeded(2)).ShouldNotBe(Fingerprint(one));
        Rates(one).ShouldBe(Rates(demo));
        Rates(Seeded(2)).ShouldBe(Rates(demo));
    }

    [Fact]
    public void Done_steps_are_mostly_the_early_ones_and_the_next_are_in_progress()
    {
        var demo = Generate("27", "大阪府");
        var rows = demo.Steps.GroupBy(s => (s.OrganizationCode, s.BusinessNumber)).ToList();
        var municipal = rows.Where(r => r.Key.OrganizationCode != "270008").ToList();
        municipal.Count.ShouldBeGreaterThan(43 * 15);
        foreach (var row in municipal)
        {
            var done = row.Count(s => s.Status.CountsAsDone());
            // At most one early step swapped with one up to two places past the frontier.
            row.Where(s => s.Status.CountsAsDone()).Max(s => s.StepNumber).ShouldBeLessThanOrEqualTo(done + 3);
            row.Where(s => s.Status == StepStatus.InProgress).ShouldAllBe(s => s.StepNumber <= done + 4);
        }
        var notApplicable = demo.Steps.Count(s => s.Status == StepStatus.NotApplicable);
        notApplicable.ShouldBeInRange(demo.Steps.Count / 40, demo.Steps.Count / 5);
        demo.Steps.Count(s => s.Status == StepStatus.InProgress).ShouldBeGreaterThan(rows.Count / 2);
    }

    [Fact]
    public void Dates_look_like_real_work()
    {
        var demo = Generate("27", "大阪府");
        var completed = demo.Steps.Where(s => s.Status == StepStatus.Completed).ToList();
        completed.ShouldNotBeEmpty();
        demo.Steps.Count(s => s.Status == StepStatus.NotApplicable).ShouldBeGreaterThan(0);
        completed.ShouldAllBe(s => s.ActualDate != null && s.ActualDate < Today && s.ActualDate > Today.AddYears(-4));
        demo.Steps.Where(s => s.ActualDate != null).ShouldAllBe(s => s.ActualDate!.Value.DayOfWeek != DayOfWeek.Saturday && s.ActualDate.Value.DayOfWeek != DayOfWeek.Sunday);
        demo.Steps.Where(s => s.Status == StepStatus.NotApplicable).ShouldAllBe(s => s.ActualDate == null);
        demo.Steps.ShouldAllBe(s => s.UpdatedAt < Now && s.UpdatedAt.Kind == DateTimeKind.Utc);

        // A few past due (作業中 or 未着手 with the planned date gone by), the other 作業中 planned ahead.
        var overdue = demo.Steps.Where(s => !s.Status.CountsAsDone() && s.PlannedDate < Today).ToList();
        overdue.Count.ShouldBeInRange(5, 10);
        overdue.ShouldContain(s => s.OrganizationCode == "272035");
        overdue.ShouldContain(s => s.Status == StepStatus.NotStarted);
        demo.Steps.Count(s => s.Status == StepStatus.InProgress && s.PlannedDate > Today).ShouldBeGreaterThan(300);

        // Some systems untouched for 10+ weeks, most updated in the last weeks.
        var lastUpdate = demo.Steps.GroupBy(s => (s.OrganizationCode, s.BusinessNumber)).Select(g => g.Max(s => s.UpdatedAt)).ToList();
        lastUpdate.Count(u => u < Now.AddDays(-70)).ShouldBeGreaterThan(5);
        lastUpdate.Count(u => u > Now.AddDays(-35)).ShouldBeGreaterThan(lastUpdate.Count / 2);
    }

    [Fact]
    public void History_shows_what_changed_recently_for_toyonaka()
    {
        var demo = Generate("27", "大阪府");
        demo.Changes.ShouldNotBeEmpty();
        demo.Changes.ShouldAllBe(c => c.Source == "import" && c.ChangedAt >= Now.AddDays(-DemoProgressGenerator.HistoryDays) && c.ChangedAt < Now);
        var toyonaka = demo.Changes.Where(c => c.OrganizationCode == "272035" && c.ChangedAt >= Now.AddMonths(-1)).ToList();
        toyonaka.Count.ShouldBeGreaterThan(5);
        toyonaka.ShouldAllBe(c => c.ChangedBy == "toyonaka@osaka.example");
        // Each change ends in the step's current status.
        var current = demo.Steps.ToDictionary(s => (s.OrganizationCode, s.BusinessNumber, s.StepNumber), s => s.Status);
        demo.Changes.Where(c => current[(c.OrganizationCode, c.BusinessNumber, c.StepNumber)] != c.ToStatus).ShouldBeEmpty();
    }

    [Fact]
    public void The_specific_migration_support_system_is_planned_for_fy2027()
    {
        var specific = new DemoSpecificSupport("273830", 3, "メインフレームからの移行のため", new DateOnly(2027, 10, 1));
        var demo = Generate("27", "大阪府", specific);
        var system = demo.Systems.ShouldHaveSingleItem();
        system.IsSpecificMigrationSupport.ShouldBeTrue();
        system.SpecificSupportReason.ShouldBe("メインフレームからの移行のため");
        Platform.Text.JapaneseCalendar.FiscalYear(system.SpecificSupportPlannedCompletion!.Value).ShouldBe(2027);
        var row = demo.Steps.Where(s => s.OrganizationCode == "273830" && s.BusinessNumber == 3).ToList();
        row.Count(s => s.Status.CountsAsDone()).ShouldBe(33); // 0.825 published
        row.Single(s => s.StepNumber == 40).PlannedDate.ShouldBe(new DateOnly(2027, 10, 1));
        row.Count(s => s.Status == StepStatus.InProgress).ShouldBeGreaterThan(0);
        row.Where(s => s.Status == StepStatus.InProgress).ShouldAllBe(s => s.PlannedDate > Today && s.PlannedDate <= new DateOnly(2027, 10, 1));
    }
}
