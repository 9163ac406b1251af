using DxCollab.TalentPool.Domain;

namespace DxCollab.TalentPool.Matching;

/// <summary>The caps per assignment of an expert's profile (e.g. 3 days on site / 10 hours online, as the national
/// adviser scheme allows per use). An assignment books hours, so on-site days are counted from them: one on-site day is
/// one 開庁日 of work, 7 時間 45 分 (the public servants' working day), and the days are the assignment's total hours over
/// that, rounded up. An assignment "either way" may end up wholly on site or wholly online, so it must fit both caps
/// (only the one the expert takes, when a cap is 0).</summary>
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
        if (onSite && expert.OnSiteDaysCap is { } days && OnSiteDays(total) > days)
            return $"{expert.Name} さんの訪問は 1 件あたり {days} 日まで（1 日 7 時間 45 分、{days * MinutesPerOnSiteDay / 60.0:0.##} 時間）です。" +
                   $"この割当は合計 {total} 時間（{OnSiteDays(total)} 日分）になります。" + (onSite && online ? "「どちらでも」の割当は訪問とオンラインの両方の上限に収めてください。" : "");
        if (online && expert.OnlineHoursCap is { } hours && total > hours)
            return $"{expert.Name} さんのオンライン支援は 1 件あたり {hours} 時間までです。この割当は合計 {total} 時間になります。" +
                   (onSite && online ? "「どちらでも」の割当は訪問とオンラインの両方の上限に収めてください。" : "");
        return null;
    }
}
