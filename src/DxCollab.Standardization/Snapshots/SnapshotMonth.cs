using System.Globalization;
using JapaneseCalendar = DxCollab.Platform.Text.JapaneseCalendar;
using System.Text.RegularExpressions;
using DxCollab.Platform.Text;

namespace DxCollab.Standardization.Snapshots;

/// <summary>Months as the API writes them (2026-10) and as staff read them (令和8年10月, 令和8年度). A month is
/// held as its first day.</summary>
public static partial class SnapshotMonth
{
    [GeneratedRegex("^[0-9]{4}-[0-9]{2}$")]
    private static partial Regex Pattern();

    /// <summary>Parses 「2026-10」 (ASCII digits, no other form) into 2026-10-01.</summary>
    public static bool TryParse(string? text, out DateOnly month)
    {
        month = default;
        text = text?.Trim();
        if (text is null || !Pattern().IsMatch(text)) return false;
        var year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var number = int.Parse(text.AsSpan(5, 2), CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2099 || number is < 1 or > 12) return false;
        month = new DateOnly(year, number, 1);
        return true;
    }

    public static DateOnly Of(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>「2026-10」</summary>
    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>「令和8年10月」</summary>
    public static string Japanese(DateOnly month) => $"{JapaneseCalendar.EraYear(month)}{month.Month}月";

    /// <summary>「令和8年度」: the 年度 (April–March) the month falls in.</summary>
    public static string FiscalYear(DateOnly month) =>
        JapaneseCalendar.EraYear(new DateOnly(JapaneseCalendar.FiscalYear(month), 4, 1)) + "度";

    /// <summary>「令和8年10月末時点」, or 「令和8年11月29日時点（途中経過）」 for a snapshot taken during the month.</summary>
    public static string AsOf(DateOnly month, SnapshotKind kind, DateTime takenAtUtc) => kind == SnapshotKind.MonthEnd
        ? $"{Japanese(month)}末時点"
        : $"{JapaneseCalendar.Format(JapaneseCalendar.TokyoDate(takenAtUtc))}時点（途中経過）";
}
