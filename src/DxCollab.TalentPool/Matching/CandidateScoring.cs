using DxCollab.TalentPool.Domain;

namespace DxCollab.TalentPool.Matching;

/// <summary>What is known of one expert for one request, gathered by <see cref="CandidateService"/> (aggregated in SQL).</summary>
/// <param name="SkillLevels">The expert's level (1–3) in each of the theme's skill areas they have; empty for none.</param>
/// <param name="ThemeAreaCount">How many skill areas the theme asks for (0: 「相談したい」, no theme).</param>
/// <param name="MinRemainingHours">The fewest hours left in any month of the period.</param>
/// <param name="CurrentBookedHours">Hours booked this month (Tokyo).</param>
/// <param name="PastAssignmentsWithOrganization">Earlier assignments (not cancelled) with the requesting 団体.</param>
/// <param name="OtherOrganizationsNow">Other 団体 the expert serves now (兼務).</param>
/// <param name="Availability">Whether the availability periods cover the period.</param>
public sealed record CandidateFacts(long ExpertId, string Name, EngagementForm EngagementForm, int MonthlyCapacityHours,
    IReadOnlyDictionary<string, int> SkillLevels, int ThemeAreaCount, int MinRemainingHours, int CurrentBookedHours,
    int PastAssignmentsWithOrganization, int OtherOrganizationsNow, AvailabilityFit Availability, int? OnSiteDaysCap, int? OnlineHoursCap);

public enum AvailabilityFit { Always, Covers, Partly, None }

/// <summary>One part of a score and why, in Japanese (shown beside the candidate).</summary>
public sealed record ScoreReason(string Part, int Points, string Text);

public sealed record ScoredCandidate(CandidateFacts Facts, int Score, IReadOnlyList<ScoreReason> Reasons);

/// <summary>The candidate ranking, pure: every point is explained. Weights (at most 100): skill match 40 (the average
/// level over the theme's areas), remaining capacity in the period 20, current load 10, earlier work with the 団体 10,
/// availability 10, mode fit 10; 兼務 takes 3 per other 団体 served now (at most 9). 「相談したい」 (no theme) has no skill
/// part, and says so. Ties: more hours left, then name, then id, so the order is the same every time.</summary>
public static class CandidateScoring
{
    public const int SkillWeight = 40, RemainingWeight = 20, LoadWeight = 10, HistoryPoints = 10, AvailabilityWeight = 10, ModeWeight = 10,
        ConcurrentPenalty = 3, ConcurrentPenaltyMax = 9;

    public static IReadOnlyList<ScoredCandidate> Rank(IEnumerable<CandidateFacts> candidates, SupportMode mode) =>
        [.. candidates.Select(c => Score(c, mode))
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Facts.MinRemainingHours)
            .ThenBy(c => c.Facts.Name, StringComparer.Ordinal).ThenBy(c => c.Facts.ExpertId)];

    public static ScoredCandidate Score(CandidateFacts f, SupportMode mode)
    {
        List<ScoreReason> reasons = [Skill(f), Remaining(f), Load(f), History(f), Concurrent(f), Availability(f), Mode(f, mode)];
        return new ScoredCandidate(f, reasons.Sum(r => r.Points), reasons);
    }

    private static ScoreReason Skill(CandidateFacts f)
    {
        if (f.ThemeAreaCount == 0) return new("スキル", 0, "「相談したい」の依頼でテーマがないため、スキルでは順位付けしていません。");
        if (f.SkillLevels.Count == 0) return new("スキル", 0, "テーマのスキル分野の登録がありません。");
        var points = (int)Math.Round((double)SkillWeight * f.SkillLevels.Values.Sum() / (3.0 * f.ThemeAreaCount), MidpointRounding.AwayFromZero);
        var text = string.Join("、", f.SkillLevels.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => $"{s.Key}（{TalentVocabulary.SkillLevel(s.Value)}）"));
        return new("スキル", points, f.SkillLevels.Count < f.ThemeAreaCount ? $"{text}。テーマの {f.ThemeAreaCount} 分野のうち {f.SkillLevels.Count} 分野" : text);
    }

    private static ScoreReason Remaining(CandidateFacts f)
    {
        if (f.MonthlyCapacityHours <= 0 || f.MinRemainingHours <= 0) return new("残り時間", 0, "期間中に空きのない月があります。");
        var points = (int)Math.Round((double)RemainingWeight * Math.Min(f.MinRemainingHours, f.MonthlyCapacityHours) / f.MonthlyCapacityHours,
            MidpointRounding.AwayFromZero);
        return new("残り時間", points, $"期間中の各月に少なくとも {f.MinRemainingHours} 時間の空き（月 {f.MonthlyCapacityHours} 時間のうち）");
    }

    private static ScoreReason Load(CandidateFacts f)
    {
        if (f.MonthlyCapacityHours <= 0) return new("現在の負荷", 0, "月の対応可能時間が 0 時間です。");
        var used = Math.Min(f.CurrentBookedHours, f.MonthlyCapacityHours);
        var points = (int)Math.Round((double)LoadWeight * (f.MonthlyCapacityHours - used) / f.MonthlyCapacityHours, MidpointRounding.AwayFromZero);
        var percent = (int)Math.Round(100.0 * used / f.MonthlyCapacityHours, MidpointRounding.AwayFromZero);
        return new("現在の負荷", points, $"今月は {f.CurrentBookedHours} 時間割当済み（稼働率 {percent}%）");
    }

    private static ScoreReason History(CandidateFacts f) => f.PastAssignmentsWithOrganization > 0
        ? new("支援実績", HistoryPoints, $"この団体の支援実績 {f.PastAssignmentsWithOrganization} 件")
        : new("支援実績", 0, "この団体の支援実績はありません。");

    private static ScoreReason Concurrent(CandidateFacts f) => f.OtherOrganizationsNow > 0
        ? new("兼務", -Math.Min(ConcurrentPenaltyMax, ConcurrentPenalty * f.OtherOrganizationsNow), $"いま他の {f.OtherOrganizationsNow} 団体を兼務しています。")
        : new("兼務", 0, "いま兼務している団体はありません。");

    private static ScoreReason Availability(CandidateFacts f) => f.Availability switch
    {
        AvailabilityFit.Covers => new("対応できる期間", AvailabilityWeight, "希望期間のすべてに対応できます。"),
        AvailabilityFit.Partly => new("対応できる期間", AvailabilityWeight / 2, "希望期間の一部に対応できます。"),
        AvailabilityFit.None => new("対応できる期間", 0, "希望期間に対応できる期間がありません。"),
        _ => new("対応できる期間", AvailabilityWeight, "期間の指定がなく、いつでも対応できます。"),
    };

    private static ScoreReason Mode(CandidateFacts f, SupportMode mode)
    {
        var onSite = f.OnSiteDaysCap is not 0;
        var online = f.OnlineHoursCap is not 0;
        return mode switch
        {
            SupportMode.OnSite when !onSite => new("支援方法", 0, "訪問での支援は受けていません（訪問日数の上限 0 日）。"),
            SupportMode.Online when !online => new("支援方法", 0, "オンラインでの支援は受けていません（オンライン時間の上限 0 時間）。"),
            SupportMode.Either when !onSite || !online => new("支援方法", ModeWeight / 2, onSite ? "訪問のみ対応できます。" : "オンラインのみ対応できます。"),
            SupportMode.Either => new("支援方法", ModeWeight, "訪問・オンラインのどちらにも対応できます。"),
            _ => new("支援方法", ModeWeight, $"{mode.ToJapanese()}に対応できます。"),
        };
    }
}
