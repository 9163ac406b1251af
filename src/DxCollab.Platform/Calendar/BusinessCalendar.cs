using System.Diagnostics;
using DxCollab.Platform.Text;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Calendar;

public enum DeadlineShift
{
    /// <summary>繰上げ: to the previous business day (e.g. a submission that must arrive in time).</summary>
    Earlier,
    /// <summary>繰下げ: to the next business day (民法142条-style: a period ending on a closed day ends the next open day).</summary>
    Later,
}

/// <summary>
/// 開庁日 of a Japanese public office: closed on Saturdays, Sundays, 祝日・休日, 年末年始 and configured extra days;
/// a configured open day overrides all of those. Dates are Asia/Tokyo calendar days.
/// Holidays are known for <see cref="JapaneseHolidays.FirstYear"/>–<see cref="JapaneseHolidays.LastYear"/>; other years throw.
/// </summary>
public sealed class BusinessCalendar
{
    // A calendar whose every day is closed would make the searches below loop forever.
    private const int MaxClosedRun = 366;

    private readonly (int Month, int Day)? yearEndFrom;
    private readonly (int Month, int Day)? yearEndTo;
    private readonly HashSet<DateOnly> extraClosed;
    private readonly HashSet<DateOnly> extraOpen;

    public BusinessCalendar(IOptions<CalendarOptions> options)
    {
        var o = options.Value;
        var validation = new CalendarOptionsValidator().Validate(null, o);
        if (validation.Failed) throw new OptionsValidationException(Options.DefaultName, typeof(CalendarOptions), validation.Failures);

        if (CalendarOptions.TryParseMonthDay(o.YearEndClosedFrom, out var from) && CalendarOptions.TryParseMonthDay(o.YearEndClosedTo, out var to))
            (yearEndFrom, yearEndTo) = (from, to);
        extraClosed = [.. o.ExtraClosedDays.Select(Parse)];
        extraOpen = [.. o.ExtraOpenDays.Select(Parse)];

        static DateOnly Parse(string text) => CalendarOptions.TryParseDate(text, out var date) ? date : throw new UnreachableException();
    }

    /// <summary>Today on the Tokyo calendar: servers run in UTC, and 2026-11-29T15:30Z is already 11-30 in Tokyo.</summary>
    public DateOnly Today(TimeProvider clock) => JapaneseCalendar.TodayInTokyo(clock.GetUtcNow());

    public bool IsClosed(DateOnly date) => ClosedReason(date) is not null;

    public bool IsBusinessDay(DateOnly date) => ClosedReason(date) is null;

    /// <summary>Why the office is closed — 「祝日（元日）」, 「振替休日」, 「国民の休日」, 「年末年始」, 「土曜日」, 「日曜日」,
    /// 「臨時閉庁日」 — or null on a business day. A 祝日 on a weekend is reported as the 祝日.</summary>
    public string? ClosedReason(DateOnly date)
    {
        if (extraOpen.Contains(date)) return null;
        if (JapaneseHolidays.Find(date) is { } holiday)
            return holiday.Kind == HolidayKind.National ? $"祝日（{holiday.Name}）" : holiday.Name;
        if (IsYearEnd(date)) return "年末年始";
        if (date.DayOfWeek == DayOfWeek.Saturday) return "土曜日";
        if (date.DayOfWeek == DayOfWeek.Sunday) return "日曜日";
        if (extraClosed.Contains(date)) return "臨時閉庁日";
        return null;
    }

    /// <summary>The first business day after <paramref name="date"/> (the date itself never counts).</summary>
    public DateOnly NextBusinessDay(DateOnly date) => Step(date, 1);

    /// <summary>The last business day before <paramref name="date"/> (the date itself never counts).</summary>
    public DateOnly PreviousBusinessDay(DateOnly date) => Step(date, -1);

    /// <summary>Counts <paramref name="businessDays"/> business days after the date (before it when negative); the date
    /// itself is not counted, so Friday + 1 is Monday and Saturday + 1 is also Monday. 0 returns the date unchanged.</summary>
    public DateOnly AddBusinessDays(DateOnly date, int businessDays)
    {
        var direction = Math.Sign(businessDays);
        for (var i = 0; i < Math.Abs(businessDays); i++) date = Step(date, direction);
        return date;
    }

    /// <summary>「締切日のN開庁日前」: the Nth business day before the deadline, never a closed day. The deadline itself is
    /// not counted; 0 gives the deadline, moved earlier if it falls on a closed day.</summary>
    public DateOnly BusinessDaysBefore(DateOnly deadline, int businessDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDays);
        return businessDays == 0 ? MoveDeadline(deadline, DeadlineShift.Earlier) : AddBusinessDays(deadline, -businessDays);
    }

    /// <summary>A deadline on a closed day moves to the previous (繰上げ) or next (繰下げ) business day; a business day stays.</summary>
    public DateOnly MoveDeadline(DateOnly deadline, DeadlineShift shift) =>
        IsBusinessDay(deadline) ? deadline : Step(deadline, shift == DeadlineShift.Earlier ? -1 : 1);

    /// <summary>Business days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public int CountBusinessDays(DateOnly from, DateOnly to)
    {
        if (to < from) throw new ArgumentOutOfRangeException(nameof(to), to, $"{to:yyyy-MM-dd} は {from:yyyy-MM-dd} より前です。");
        var count = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
            if (IsBusinessDay(day)) count++;
        return count;
    }

    /// <summary>Business days after <paramref name="from"/> up to and including <paramref name="to"/>: how long
    /// something has waited in 開庁日 (asked on a Friday, read the next Tuesday: 2). 0 when <paramref name="to"/> is not
    /// after <paramref name="from"/>.</summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to) => to <= from ? 0 : CountBusinessDays(from.AddDays(1), to);

    /// <summary>開庁日 left until <paramref name="deadline"/>, as a reminder or a status board says it: 0 on the day
    /// (and on a closed deadline with no open day before it), negative once it has passed (「期限を 2 開庁日過ぎています」).</summary>
    public int BusinessDaysLeft(DateOnly today, DateOnly deadline) =>
        deadline >= today ? BusinessDaysBetween(today, deadline) : -BusinessDaysBetween(deadline, today);

    /// <summary>The <paramref name="n"/>th business day of the month holding <paramref name="anyDayOfMonth"/> (1 is
    /// the first); the month's last business day when it has fewer than <paramref name="n"/>.</summary>
    public DateOnly NthBusinessDayOfMonth(DateOnly anyDayOfMonth, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var first = new DateOnly(anyDayOfMonth.Year, anyDayOfMonth.Month, 1);
        var day = AddBusinessDays(IsBusinessDay(first) ? first : NextBusinessDay(first), n - 1);
        return day.Month == first.Month && day.Year == first.Year ? day : PreviousBusinessDay(first.AddMonths(1));
    }

    private DateOnly Step(DateOnly date, int direction)
    {
        for (var i = 0; i < MaxClosedRun; i++)
        {
            date = date.AddDays(direction);
            if (IsBusinessDay(date)) return date;
        }
        throw new InvalidOperationException($"{date:yyyy-MM-dd} の前後 {MaxClosedRun} 日に開庁日がありません。Calendar の設定を確認してください。");
    }

    private bool IsYearEnd(DateOnly date)
    {
        if (yearEndFrom is not { } from || yearEndTo is not { } to) return false;
        var day = (date.Month, date.Day);
        // 12-29 … 01-03 wraps over New Year; a range such as 12-28 … 12-31 does not.
        return Compare(from, to) <= 0
            ? Compare(day, from) >= 0 && Compare(day, to) <= 0
            : Compare(day, from) >= 0 || Compare(day, to) <= 0;

        static int Compare((int Month, int Day) a, (int Month, int Day) b) => a.Month != b.Month ? a.Month.CompareTo(b.Month) : a.Day.CompareTo(b.Day);
    }
}
