using DxCollab.Platform.Organizations;
using DxCollab.Standardization.National;

namespace DxCollab.Standardization.Tests.National;

/// <summary>The national 団体区分 table built from a generated nation (every body of the bundled 総務省 list, random
/// statuses from a fixed seed) matches a plain recount.</summary>
public sealed class NationalProgressReportTests
{
    private const int Seed = 20261129;
    private static readonly IReadOnlyList<LocalGovernmentRecord> Bodies = LocalGovernmentList.Bundled;

    private sealed record GeneratedRow(string Prefecture, string Code, OrganizationType Type, int Business, StepStatus[] Steps, bool Reported, bool Enabled);

    /// <summary>Every 団体 × 業務 row of the nation: 40 random statuses; about 10% never reported (so 40 未着手) and
    /// about 2% reported as switched off.</summary>
    private static List<GeneratedRow> GenerateNation()
    {
        var random = new Random(Seed);
        var rows = new List<GeneratedRow>();
        foreach (var body in Bodies)
        {
            int[] businesses = body.Type == OrganizationType.Prefecture ? [14, 15] : [.. Enumerable.Range(1, 20)];
            foreach (var business in businesses)
            {
                var roll = random.Next(100);
                var reported = roll >= 10;
                var steps = reported
                    ? Enumerable.Range(0, 40).Select(_ => (StepStatus)random.Next(4)).ToArray()
                    : Enumerable.Repeat(StepStatus.NotStarted, 40).ToArray();
                rows.Add(new(NationalProgressReport.PrefectureIdOf(body.PrefectureCode), body.Code, body.Type, business, steps, reported, Enabled: roll is < 10 or >= 12));
            }
        }
        return rows;
    }

    private static IEnumerable<NationalRow> Reported(IEnumerable<GeneratedRow> rows) =>
        rows.Where(r => r.Reported).Select(r => new NationalRow(r.Prefecture, r.Code, r.Type, r.Business, r.Enabled, StepCounts.Of(r.Steps)));

    private static string CategoryLabel(OrganizationType type) => type switch
    {
        OrganizationType.DesignatedCity => "指定都市",
        OrganizationType.SpecialWard => "特別区",
        OrganizationType.CoreCity => "中核市",
        OrganizationType.City => "指定都市・中核市以外の市",
        OrganizationType.Town or OrganizationType.Village => "町村",
        _ => "都道府県",
    };

    [Fact]
    public void The_generated_nation_is_the_whole_bundled_list()
    {
        Bodies.Count.ShouldBe(1788);
        Bodies.Count(b => b.Type == OrganizationType.Prefecture).ShouldBe(47);
        GenerateNation().Count.ShouldBe(1741 * 20 + 47 * 2);
    }

    [Fact]
    public void The_category_table_of_a_generated_nation_matches_a_plain_recount()
    {
        var nation = GenerateNation();
        var table = NationalProgressReport.Build(Bodies, Reported(nation), NationalGrouping.Category);

        table.Select(g => g.Label).ShouldBe(["全市区町村", "指定都市", "特別区", "中核市", "指定都市・中核市以外の市", "町村", "都道府県"]);
        var counted = nation.Where(r => r.Enabled).ToList();
        foreach (var group in table)
        {
            var members = group.Label == "全市区町村"
                ? counted.Where(r => r.Type != OrganizationType.Prefecture).ToList()
                : counted.Where(r => CategoryLabel(r.Type) == group.Label).ToList();
            int completed = 0, inProgress = 0, notStarted = 0, notApplicable = 0;
            foreach (var row in members)
            {
                completed += row.Steps.Count(s => s == StepStatus.Completed);
                inProgress += row.Steps.Count(s => s == StepStatus.InProgress);
                notStarted += row.Steps.Count(s => s == StepStatus.NotStarted);
                notApplicable += row.Steps.Count(s => s == StepStatus.NotApplicable);
            }
            members.Count.ShouldBeGreaterThan(0);
            group.Rows.ShouldBe(members.Count, group.Label);
            group.Counts.ShouldBe(new StepCounts(completed, inProgress, notStarted, notApplicable), group.Label);
            decimal denominator = 40m * members.Count;
            group.Rates.CompletionRate.ShouldBe((completed + notApplicable) / denominator, group.Label);
            group.Rates.InProgressRate.ShouldBe(inProgress / denominator, group.Label);
            group.Rates.NotStartedRate.ShouldBe(notStarted / denominator, group.Label);
            // And the same as ProgressMath over the rows' statuses.
            group.Rates.ShouldBe(ProgressMath.ForGroup(members.Select(r => r.Steps)), group.Label);
        }
        table[0].Rows.ShouldBe(table.Skip(1).SkipLast(1).Sum(g => g.Rows));
    }

    [Fact]
    public void Prefecture_and_business_groupings_cover_the_same_rows()
    {
        var nation = GenerateNation();
        var reported = Reported(nation).ToList();
        var byPrefecture = NationalProgressReport.Build(Bodies, reported, NationalGrouping.Prefecture);
        var byBusiness = NationalProgressReport.Build(Bodies, reported, NationalGrouping.Business);
        var enabled = nation.Where(r => r.Enabled).ToList();

        byPrefecture.Count.ShouldBe(47);
        byPrefecture[0].Key.ShouldBe("hokkaido");
        byPrefecture.Single(g => g.Key == "osaka").Label.ShouldBe("大阪府");
        byPrefecture.Single(g => g.Key == "osaka").Rows.ShouldBe(enabled.Count(r => r.Prefecture == "osaka"));
        byBusiness.Count.ShouldBe(20);
        byBusiness.Single(g => g.Key == "14").Rows.ShouldBe(enabled.Count(r => r.Business == 14));
        var total = enabled.Aggregate(default(StepCounts), (sum, r) => sum + StepCounts.Of(r.Steps));
        byPrefecture.Aggregate(default(StepCounts), (sum, g) => sum + g.Counts).ShouldBe(total);
        byBusiness.Aggregate(default(StepCounts), (sum, g) => sum + g.Counts).ShouldBe(total);
    }

    [Fact]
    public void Before_any_report_every_active_body_counts_as_forty_not_started_steps_per_business()
    {
        var table = NationalProgressReport.Build(Bodies, [], NationalGrouping.Category);
        table[0].Rows.ShouldBe(1741 * 20);
        table[^1].Rows.ShouldBe(47 * 2);
        table.ShouldAllBe(g => g.Counts.NotStarted == 40 * g.Rows && g.Rates.NotStartedRate == 1m);
    }

    [Fact]
    public void A_switched_off_business_leaves_the_figures_and_a_merged_body_is_not_counted()
    {
        var osakaCity = Bodies.Single(b => b.Code == "271004");
        var merged = osakaCity with { Code = "279999", Name = "合併済み", SuccessorCode = "271004" };
        var reported = new[] { new NationalRow("osaka", "271004", osakaCity.Type, 3, false, new StepCounts(40, 0, 0, 0)) };

        var before = NationalProgressReport.Build([.. Bodies, merged], [], NationalGrouping.Prefecture).Single(g => g.Key == "osaka");
        var after = NationalProgressReport.Build([.. Bodies, merged], reported, NationalGrouping.Prefecture).Single(g => g.Key == "osaka");
        after.Rows.ShouldBe(before.Rows - 1);
        after.Counts.Completed.ShouldBe(0);
    }

    /// <summary>What the database's GROUP BYs hand the fold: the generated nation plus a 団体 no list knows (a tenant
    /// added it) with one switched-off 業務, and a listed 団体 whose 業務 3 is switched off.</summary>
    [Theory]
    [InlineData(NationalGrouping.Category)]
    [InlineData(NationalGrouping.Prefecture)]
    [InlineData(NationalGrouping.Business)]
    public void The_grouped_sums_give_the_table_every_row_gives(NationalGrouping grouping)
    {
        var reported = Reported(GenerateNation()).ToList();
        reported.Add(new NationalRow("osaka", "279992", OrganizationType.Town, 1, true, new StepCounts(10, 5, 25, 0)));
        reported.Add(new NationalRow("osaka", "279992", OrganizationType.Town, 2, false, new StepCounts(0, 0, 40, 0)));
        reported.RemoveAll(r => r.OrganizationCode == "271004" && r.BusinessNumber == 3);
        reported.Add(new NationalRow("osaka", "271004", OrganizationType.DesignatedCity, 3, false, new StepCounts(40, 0, 0, 0)));

        var bodies = reported.GroupBy(r => (r.PrefectureId, r.OrganizationCode, r.Type, r.IsEnabled))
            .Select(g => new ReportedBody(g.Key.PrefectureId, g.Key.OrganizationCode, g.Key.Type, g.Key.IsEnabled, g.Count(),
                g.Aggregate(default(StepCounts), (sum, r) => sum + r.Counts))).ToList();
        var fast = grouping == NationalGrouping.Business
            ? NationalFold.ByBusiness(Bodies, reported.GroupBy(r => (r.BusinessNumber, r.IsEnabled))
                .Select(g => new ReportedBusiness(g.Key.BusinessNumber, g.Key.IsEnabled, g.Count(), g.Aggregate(default(StepCounts), (sum, r) => sum + r.Counts))),
                reported.Where(r => r.OrganizationCode == "279992").Select(r => r.BusinessNumber))
            : NationalFold.ByBody(Bodies, bodies, grouping);

        fast.ShouldBe(NationalProgressReport.Build(Bodies, reported, grouping));
        NationalFold.Unlisted(Bodies, bodies).Select(b => b.OrganizationCode).Distinct().ShouldBe(["279992"]);
    }
}
