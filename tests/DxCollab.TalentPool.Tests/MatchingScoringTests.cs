using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Matching;

namespace DxCollab.TalentPool.Tests;

/// <summary>The candidate score, part by part, with the reasons a member of staff reads.</summary>
public class MatchingScoringTests
{
    private static CandidateFacts Facts(long id = 1, string name = "山田", Dictionary<string, int>? skills = null, int areas = 1, int capacity = 40,
        int remaining = 40, int booked = 0, int history = 0, int concurrent = 0, AvailabilityFit availability = AvailabilityFit.Always,
        int? onSiteCap = null, int? onlineCap = null) =>
        new(id, name, EngagementForm.Contractor, capacity, skills ?? new Dictionary<string, int> { ["情報セキュリティ"] = 3 }, areas, remaining, booked,
            history, concurrent, availability, onSiteCap, onlineCap);

    private static ScoreReason Part(ScoredCandidate c, string part) => c.Reasons.Single(r => r.Part == part);

    [Fact]
    public void A_free_expert_at_the_top_level_with_history_scores_the_full_hundred_and_every_part_says_why()
    {
        var scored = CandidateScoring.Score(Facts(history: 2), SupportMode.OnSite);
        scored.Score.ShouldBe(100);
        Part(scored, "スキル").Text.ShouldBe("情報セキュリティ（指導できる）");
        Part(scored, "残り時間").Text.ShouldBe("期間中の各月に少なくとも 40 時間の空き（月 40 時間のうち）");
        Part(scored, "現在の負荷").Text.ShouldBe("今月は 0 時間割当済み（稼働率 0%）");
        Part(scored, "支援実績").Text.ShouldBe("この団体の支援実績 2 件");
        Part(scored, "兼務").Points.ShouldBe(0);
        Part(scored, "支援方法").Text.ShouldBe("訪問に対応できます。");
    }

    [Fact]
    public void Skill_points_follow_the_average_level_over_the_themes_areas_and_name_the_missing_ones()
    {
        var scored = CandidateScoring.Score(Facts(skills: new() { ["ネットワーク"] = 2 }, areas: 2), SupportMode.Either);
        var skill = Part(scored, "スキル");
        skill.Points.ShouldBe(13); // 40 × 2 / (3 × 2)
        skill.Text.ShouldBe("ネットワーク（実務経験あり）。テーマの 2 分野のうち 1 分野");
    }

    [Fact]
    public void A_request_without_a_theme_has_no_skill_part_and_says_so()
    {
        var skill = Part(CandidateScoring.Score(Facts(skills: new(), areas: 0), SupportMode.Either), "スキル");
        skill.Points.ShouldBe(0);
        skill.Text.ShouldContain("「相談したい」");
    }

    [Fact]
    public void Load_remaining_hours_and_concurrent_organisations_lower_the_score_with_the_figures_shown()
    {
        var scored = CandidateScoring.Score(Facts(remaining: 10, booked: 30, concurrent: 4), SupportMode.Either);
        Part(scored, "残り時間").Points.ShouldBe(5);
        Part(scored, "現在の負荷").ShouldBe(new ScoreReason("現在の負荷", 3, "今月は 30 時間割当済み（稼働率 75%）"));
        Part(scored, "兼務").ShouldBe(new ScoreReason("兼務", -9, "いま他の 4 団体を兼務しています。"));
        Part(CandidateScoring.Score(Facts(remaining: 0), SupportMode.Either), "残り時間").Text.ShouldBe("期間中に空きのない月があります。");
    }

    [Fact]
    public void An_expert_who_takes_no_on_site_work_gets_no_mode_points_for_an_on_site_request()
    {
        Part(CandidateScoring.Score(Facts(onSiteCap: 0), SupportMode.OnSite), "支援方法").Points.ShouldBe(0);
        Part(CandidateScoring.Score(Facts(onSiteCap: 0), SupportMode.Either), "支援方法").ShouldBe(new ScoreReason("支援方法", 5, "オンラインのみ対応できます。"));
        Part(CandidateScoring.Score(Facts(onSiteCap: 0), SupportMode.Online), "支援方法").Points.ShouldBe(10);
    }

    [Fact]
    public void Ties_are_broken_by_hours_left_then_name_then_id_the_same_every_time()
    {
        var skills = new Dictionary<string, int> { ["情報セキュリティ"] = 3 };
        // 40 and 39 hours left both give 20 points of remaining capacity: the same score.
        CandidateFacts[] facts = [Facts(3, "佐藤", skills, remaining: 39), Facts(2, "佐藤", skills, remaining: 40), Facts(1, "伊藤", skills, remaining: 39),
            Facts(4, "佐藤", skills, remaining: 39)];
        var ranked = CandidateScoring.Rank(facts, SupportMode.Either);
        ranked.Select(c => c.Score).Distinct().Count().ShouldBe(1);
        ranked.Select(c => c.Facts.ExpertId).ShouldBe([2, 1, 3, 4]);
        CandidateScoring.Rank(facts.Reverse(), SupportMode.Either).Select(c => c.Facts.ExpertId).ShouldBe([2, 1, 3, 4]);
    }

    [Fact]
    public void Availability_periods_cover_partly_cover_or_miss_the_period()
    {
        var (from, to) = (new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31));
        CandidateService.Fit([], from, to).ShouldBe(AvailabilityFit.Always);
        CandidateService.Fit([(new(2026, 12, 1), new(2027, 1, 31)), (new(2027, 2, 1), new(2027, 4, 30))], from, to).ShouldBe(AvailabilityFit.Covers);
        CandidateService.Fit([(new(2027, 2, 1), new(2027, 4, 30))], from, to).ShouldBe(AvailabilityFit.Partly);
        CandidateService.Fit([(new(2027, 5, 1), new(2027, 6, 30))], from, to).ShouldBe(AvailabilityFit.None);
    }

    [Fact]
    public void A_request_without_a_period_is_ranked_over_three_months_from_the_current_one()
    {
        CandidateService.Period(null, null, new DateOnly(2026, 12, 3)).ShouldBe((new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 1)));
        CandidateService.Period(new DateOnly(2027, 4, 10), new DateOnly(2027, 6, 5), new DateOnly(2026, 12, 3))
            .ShouldBe((new DateOnly(2027, 4, 1), new DateOnly(2027, 6, 1)));
    }

    [Fact]
    public void A_preferred_period_that_began_in_a_past_month_is_ranked_from_the_current_month()
    {
        CandidateService.Period(new DateOnly(2026, 10, 5), new DateOnly(2027, 1, 31), new DateOnly(2026, 12, 3))
            .ShouldBe((new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 1)));
        CandidateService.Period(new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31), new DateOnly(2026, 12, 3))
            .ShouldBe((new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 1)));
    }

    [Theory]
    [InlineData(SupportMode.OnSite, 8, 3, false)] // 24 h = 4 days of 7 h 45 min: over 3
    [InlineData(SupportMode.OnSite, 7, 3, true)]  // 21 h = 3 days
    [InlineData(SupportMode.Online, 4, 3, false)] // 12 h online: over 10
    [InlineData(SupportMode.Online, 3, 3, true)]
    [InlineData(SupportMode.Either, 11, 3, true)] // either way: 33 h within 3 days (23.25 h) + 10 h online
    [InlineData(SupportMode.Either, 12, 3, false)] // 36 h: over the two caps together
    public void Caps_per_assignment_count_on_site_days_of_7_hours_45_and_online_hours(SupportMode mode, int hoursPerMonth, int months, bool allowed)
    {
        var expert = new Expert { Name = "山田", MonthlyCapacityHours = 40, OnSiteDaysCap = 3, OnlineHoursCap = 10 };
        (AssignmentCaps.Exceeded(expert, mode, hoursPerMonth, months) is null).ShouldBe(allowed);
    }

    [Fact]
    public void A_refusal_over_the_on_site_cap_names_the_cap_and_the_days_asked()
    {
        var expert = new Expert { Name = "山田", MonthlyCapacityHours = 40, OnSiteDaysCap = 3, OnlineHoursCap = 0 };
        AssignmentCaps.Exceeded(expert, SupportMode.Either, 8, 3).ShouldBe(
            "山田 さんの訪問は 1 件あたり 3 日まで（1 日 7 時間 45 分、23.25 時間）です。この割当は合計 24 時間（4 日分）になります。");
    }
}
