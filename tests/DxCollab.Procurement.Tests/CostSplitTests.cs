using CsCheck;
using DxCollab.Procurement.Costs;

namespace DxCollab.Procurement.Tests;

/// <summary>The cost split's arithmetic for any totals, ratios and populations: shares sum to the total to the yen, none is
/// negative, equal populations pay the same except for the remainder, which one chosen member takes.</summary>
public sealed class CostSplitTests
{
    private static readonly Gen<(long Total, int Equal, CostParty[] Parties, int RemainderIndex)> Inputs =
        from total in Gen.Long[0, CostSplit.MaxTotal]
        from equal in Gen.Int[0, 100]
        from populations in Gen.Long[0, 4_000_000].Array[1, 60]
        from remainder in Gen.Int[0, 59]
        select (total, equal, populations.Select((p, i) => new CostParty($"{270000 + i:D6}", p)).ToArray(), remainder % populations.Length);

    private static bool Splittable((long Total, int Equal, CostParty[] Parties, int RemainderIndex) x) =>
        CostSplit.Problem(x.Total, x.Equal, x.Parties, x.Parties[x.RemainderIndex].OrganizationCode) is null;

    [Fact]
    public void Shares_sum_to_the_total_to_the_yen_and_none_is_negative() =>
        Inputs.Where(Splittable).Sample(x =>
        {
            var shares = CostSplit.Split(x.Total, x.Equal, x.Parties, x.Parties[x.RemainderIndex].OrganizationCode);
            shares.Sum(s => s.Share).ShouldBe(x.Total);
            shares.ShouldAllBe(s => s.Share >= 0);
            shares.Count(s => s.TakesRemainder).ShouldBe(1);
        });

    [Fact]
    public void Members_of_equal_population_pay_the_same_except_the_remainder_taker_who_pays_less_than_one_yen_per_member_more() =>
        Inputs.Where(Splittable).Sample(x =>
        {
            var twins = x.Parties.Select((p, i) => i % 2 == 0 ? p : p with { Population = x.Parties[i - 1].Population }).ToArray();
            var taker = twins[x.RemainderIndex].OrganizationCode;
            var shares = CostSplit.Split(x.Total, x.Equal, twins, taker);
            foreach (var group in twins.Zip(shares).GroupBy(t => t.First.Population))
            {
                var others = group.Where(t => !t.Second.TakesRemainder).Select(t => t.Second.Share).Distinct().ToList();
                others.Count.ShouldBeLessThanOrEqualTo(1);
                if (group.FirstOrDefault(t => t.Second.TakesRemainder) is { Second: { } takes } && others.Count == 1)
                    (takes.Share - others[0]).ShouldBeInRange(0, twins.Length - 1);
            }
        });

    [Fact]
    public void A_split_wholly_by_equal_shares_differs_by_the_remainder_only()
    {
        var parties = new[] { new CostParty("272035", 0), new CostParty("273830", 0), new CostParty("270008", 0) };
        var shares = CostSplit.Split(1_000_000, 100, parties, "270008");
        shares.Select(s => s.Share).ShouldBe([333_333, 333_333, 333_334]);
    }

    [Fact]
    public void Thirty_seventy_gives_the_shares_a_clerk_computes_by_hand_rounded_down()
    {
        // 均等割30%: 300,000 ÷ 2 = 150,000 each; 人口割70%: 700,000 × 1/4 and × 3/4 = 175,000 and 525,000.
        var shares = CostSplit.Split(1_000_000, 30, [new("272035", 100_000), new("273830", 300_000)], "272035");
        shares.Select(s => s.Share).ShouldBe([325_000, 675_000]);
        // 1 yen that cannot be split evenly goes to the chosen member.
        CostSplit.Split(1_000_001, 30, [new("272035", 100_000), new("273830", 300_000)], "273830").Select(s => s.Share).ShouldBe([325_000, 675_001]);
    }

    [Theory]
    [InlineData(-1, 50, "total")]
    [InlineData(1000, 101, "equalPercent")]
    [InlineData(1000, 50, "members")]
    public void Inputs_that_cannot_be_split_name_the_field(long total, int equal, string field)
    {
        CostParty[] parties = field == "members" ? [new("272035", 0), new("273830", 0)] : [new("272035", 10), new("273830", 20)];
        CostSplit.Problem(total, equal, parties, "272035")!.Value.Field.ShouldBe(field);
    }

    [Fact]
    public void The_remainder_taker_must_be_one_of_the_members() =>
        CostSplit.Problem(1000, 50, [new("272035", 10)], "273830")!.Value.Field.ShouldBe("remainderOrganizationCode");
}

/// <summary>The 団体コード,人口 file: header skipped, thousands separators accepted, bad rows named by line.</summary>
public sealed class CostPopulationFileTests
{
    private static Task<(IReadOnlyList<PopulationFile.Row>? Rows, string? Error)> ReadAsync(string text, System.Text.Encoding? encoding = null) =>
        PopulationFile.ReadAsync(new MemoryStream((encoding ?? System.Text.Encoding.UTF8).GetBytes(text)), CancellationToken.None);

    [Fact]
    public async Task A_csv_with_a_header_and_quoted_numbers_gives_each_members_population()
    {
        var (rows, error) = await ReadAsync("団体コード,人口\r\n272035,401558\r\n273830,\"4812\"\r\n");
        error.ShouldBeNull();
        rows!.Select(r => (r.Code, r.Population)).ShouldBe([("272035", 401_558L), ("273830", 4_812L)]);
    }

    [Fact]
    public async Task A_shift_jis_csv_is_read_too()
    {
        var sjis = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(932)!;
        var (rows, _) = await ReadAsync("団体コード,人口\r\n272035,401558\r\n", sjis);
        rows!.Single().Population.ShouldBe(401_558);
    }

    [Theory]
    [InlineData("272035,-1\r\n", "1行目")]
    [InlineData("272035,100\r\n27203,5\r\n", "2行目")]
    [InlineData("272035,100\r\n272035,5\r\n", "2回")]
    public async Task A_bad_row_is_named_by_its_line(string text, string expected) =>
        (await ReadAsync(text)).Error!.ShouldContain(expected);
}
