namespace DxCollab.Platform.Validation;

/// <summary>和暦 dates as typed (「平成31年4月30日」, 「R1.5.1」): a date exists only within its era — 平成31年5月1日 and
/// 令和元年4月30日 never happened, nor did 昭和64年1月8日 — so such input is refused rather than silently moved.</summary>
public static class JapaneseEras
{
    private sealed record Era(string Name, char Letter, DateOnly Start, DateOnly? End);

    private static readonly Era[] Eras =
    [
        new("昭和", 'S', new DateOnly(1926, 12, 25), new DateOnly(1989, 1, 7)),
        new("平成", 'H', new DateOnly(1989, 1, 8), new DateOnly(2019, 4, 30)),
        new("令和", 'R', new DateOnly(2019, 5, 1), null),
    ];

    /// <summary>The Western date of <paramref name="era"/> (令和/平成/昭和 or R/H/S) year <paramref name="year"/> (1 = 元年),
    /// when that day exists and belongs to the era.</summary>
    public static bool TryCompose(string era, int year, int month, int day, out DateOnly date)
    {
        date = default;
        var found = Eras.FirstOrDefault(e => e.Name == era || (era.Length == 1 && char.ToUpperInvariant(era[0]) == e.Letter));
        if (found is null || year < 1 || month is < 1 or > 12 || day < 1) return false;
        var western = found.Start.Year + year - 1;
        if (western > 9999 || day > DateTime.DaysInMonth(western, month)) return false;
        var composed = new DateOnly(western, month, day);
        if (composed < found.Start || composed > found.End) return false;
        date = composed;
        return true;
    }
}
