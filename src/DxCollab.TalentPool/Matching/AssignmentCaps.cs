using DxCollab.TalentPool.Domain;

namespace DxCollab.TalentPool.Matching;

/// <summary>The caps per assignment of an expert's profile (e.g. 3 days on site / 10 hours online, as the national
/// adviser scheme allows per use). An assignment books hours, so on-site days are counted from them: one on-site day is
/// one 開庁日 of work, 7 時間 45 分 (the public servants' working day), and the days are the assignment's total hours over
/// that, rounded up. An assignment "either way" is split between the two as the work goes, so its total may use both caps
/// together (the on-site days' hours plus the online hours); how it is split is held when the activity is logged
/// (ActivityLogService refuses a visit or online hours beyond their cap). A cap of 0: the expert does not take that way.</summary>
public static class AssignmentCaps
{
    public const int MinutesPerOnSiteDay = 465; // 7 時間 45 分

    public static int OnSiteDays(int totalHours) => (totalHours * 60 + MinutesPerOnSiteDay - 1) / MinutesPerOnSiteDay;

    /// <summary>Null when the assignment is within the caps; else the Japanese reason.</summary>
    public static string? Exceeded(Expert expert, SupportMode mode, int hoursPerMonth, int months)
    {
        var total = hoursPerMonth * months;
        // "Either way" with an expert who takes only one of them is that one.
        var onSite = mode == SupportMode.OnSite || (mode == SupportMode.Either && expert.OnSiteDaysCap != 0);
        var online = mode == SupportMode.Online || (mode == SupportMode.Either && expert.OnlineHoursCap != 0);
        if (!onSite && !online) return $"{expert.Name} さんは訪問・オンラインのどちらの支援も受けていません（上限 0）。";
        if (mode == SupportMode.OnSite && expert.OnSiteDaysCap == 0) return $"{expert.Name} さんは訪問での支援を受けていません（訪問日数の上限 0 日）。";
        if (mode == SupportMode.Online && expert.OnlineHoursCap == 0) return $"{expert.Name} さんはオンラインでの支援を受けていません（オンライン時間の上限 0 時間）。";
        if (mode == SupportMode.Either && onSite && online)
        {
            // Both ways: bounded only when both caps are set (hours of the allowed days plus the online hours).
            if (expert.OnSiteDaysCap is not { } allowedDays || expert.OnlineHoursCap is not { } allowedHours) return null;
            var bound = allowedDays * MinutesPerOnSiteDay / 60.0 + allowedHours;
            return total <= bound ? null
                : $"{expert.Name} さんの1件あたりの上限は訪問 {allowedDays} 日（1 日 7 時間 45 分）とオンライン {allowedHours} 時間、合わせて {bound:0.##} 時間です。" +
                  $"この割当は合計 {total} 時間になります。";
        }
        if (onSite && expert.OnSiteDaysCap is { } days && OnSiteDays(total) > days)
            return $"{expert.Name} さんの訪問は 1 件あたり {days} 日まで（1 日 7 時間 45 分、{days * MinutesPerOnSiteDay / 60.0:0.##} 時間）です。" +
                   $"この割当は合計 {total} 時間（{OnSiteDays(total)} 日分）になります。";
        if (online && expert.OnlineHoursCap is { } hours && total > hours)
            return $"{expert.Name} さんのオンライン支援は 1 件あたり {hours} 時間までです。この割当は合計 {total} 時間になります。";
        return null;
    }
}
