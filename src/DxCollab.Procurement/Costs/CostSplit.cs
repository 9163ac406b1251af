namespace DxCollab.Procurement.Costs;

/// <summary>One member's input to a split: its population (人口, for 人口割).</summary>
public sealed record CostParty(string OrganizationCode, long Population);

/// <summary>One member's share of a total, in whole yen.</summary>
public sealed record CostPortion(string OrganizationCode, long Share, bool TakesRemainder);

/// <summary>Splits a total in yen by 均等割 and 人口割. Each member's exact share is
/// total × (均等割% ÷ members + 人口割% × its population ÷ all populations) ÷ 100; every share is rounded DOWN to the yen,
/// and the yen left over (fewer than the number of members) go to the member chosen to take the remainder, so the
/// shares always sum to the total exactly. Computed in 128-bit integers: no floating point, no overflow for any total
/// up to <see cref="MaxTotal"/> and any population of Japan.</summary>
public static class CostSplit
{
    /// <summary>One trillion yen: beyond any joint procurement, and far inside the arithmetic's range.</summary>
    public const long MaxTotal = 1_000_000_000_000;
    public const long MaxPopulation = 200_000_000;

    /// <summary>The shares in the parties' order. The caller validates first (<see cref="Problem"/> is null).</summary>
    public static IReadOnlyList<CostPortion> Split(long total, int equalPercent, IReadOnlyList<CostParty> parties, string remainderCode)
    {
        if (Problem(total, equalPercent, parties, remainderCode) is { } problem) throw new ArgumentException(problem.Message, problem.Field);
        var populationPercent = 100 - equalPercent;
        Int128 n = parties.Count;
        Int128 populations = parties.Sum(p => p.Population);
        // A split wholly by 均等割 needs no populations (they may all be zero).
        if (populations == 0) populations = 1;
        var denominator = 100 * n * populations;
        var shares = parties.Select(p => (long)(total * (equalPercent * populations + populationPercent * n * p.Population) / denominator)).ToArray();
        var remainder = total - shares.Sum();
        return [.. parties.Select((p, i) => p.OrganizationCode == remainderCode
            ? new CostPortion(p.OrganizationCode, shares[i] + remainder, true)
            : new CostPortion(p.OrganizationCode, shares[i], false))];
    }

    /// <summary>Why these inputs cannot be split (field and Japanese message), or null.</summary>
    public static (string Field, string Message)? Problem(long total, int equalPercent, IReadOnlyList<CostParty> parties, string? remainderCode)
    {
        if (total is < 0 or > MaxTotal) return ("total", "金額は0円以上1兆円以下の整数（円）で入力してください。");
        if (equalPercent is < 0 or > 100) return ("equalPercent", "均等割の割合は0〜100（%）の整数で入力してください。人口割は残り（100−均等割）です。");
        if (parties.Count == 0) return ("members", "按分する団体がありません。");
        if (parties.Select(p => p.OrganizationCode).Distinct().Count() != parties.Count) return ("members", "同じ団体が2回入っています。");
        if (parties.FirstOrDefault(p => p.Population is < 0 or > MaxPopulation) is { } odd)
            return ("members", $"団体コード{odd.OrganizationCode}の人口は0以上の整数で入力してください。");
        if (equalPercent < 100 && parties.Sum(p => p.Population) == 0) return ("members", "人口割で按分するには、各団体の人口を入力してください。");
        if (remainderCode is null || parties.All(p => p.OrganizationCode != remainderCode))
            return ("remainderOrganizationCode", "端数を負担する団体を、按分する団体の中から選んでください。");
        return null;
    }
}
