using System.Globalization;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Calendar;

/// <summary>Section "Calendar": the days the office (庁舎) is closed besides weekends and 祝日.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";
    internal const string MonthDayFormat = "MM-dd";
    internal const string DateFormat = "yyyy-MM-dd";

    /// <summary>First day of 年末年始 as MM-dd. Empty (with <see cref="YearEndClosedTo"/>) for no year-end closure.</summary>
    public string? YearEndClosedFrom { get; set; } = "12-29";
    /// <summary>Last day of 年末年始 as MM-dd; earlier in the year than the first day means it runs into January.</summary>
    public string? YearEndClosedTo { get; set; } = "01-03";
    /// <summary>The organisation's own closures (yyyy-MM-dd), e.g. a prefecture's 閉庁日.</summary>
    public List<string> ExtraClosedDays { get; set; } = [];
    /// <summary>Days open although otherwise closed (yyyy-MM-dd), e.g. 休日開庁 for tax returns or an election.</summary>
    public List<string> ExtraOpenDays { get; set; } = [];

    internal static bool TryParseMonthDay(string? text, out (int Month, int Day) monthDay)
    {
        // Parsed against a leap year so that 02-29 is accepted.
        var ok = DateOnly.TryParseExact($"2000-{text}", $"yyyy-{MonthDayFormat}", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        monthDay = ok ? (date.Month, date.Day) : default;
        return ok;
    }

    internal static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

/// <summary>Rejects malformed dates at start-up rather than on the first deadline calculation.</summary>
internal sealed class CalendarOptionsValidator : IValidateOptions<CalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, CalendarOptions options)
    {
        var errors = new List<string>();
        var fromEmpty = string.IsNullOrWhiteSpace(options.YearEndClosedFrom);
        var toEmpty = string.IsNullOrWhiteSpace(options.YearEndClosedTo);
        if (fromEmpty != toEmpty)
            errors.Add("Calendar:YearEndClosedFrom と Calendar:YearEndClosedTo は両方指定するか、両方空にしてください。");
        if (!fromEmpty && !CalendarOptions.TryParseMonthDay(options.YearEndClosedFrom, out _))
            errors.Add($"Calendar:YearEndClosedFrom「{options.YearEndClosedFrom}」は MM-dd 形式ではありません。");
        if (!toEmpty && !CalendarOptions.TryParseMonthDay(options.YearEndClosedTo, out _))
            errors.Add($"Calendar:YearEndClosedTo「{options.YearEndClosedTo}」は MM-dd 形式ではありません。");
        foreach (var (key, days) in new[] { ("ExtraClosedDays", options.ExtraClosedDays), ("ExtraOpenDays", options.ExtraOpenDays) })
            foreach (var day in days.Where(d => !CalendarOptions.TryParseDate(d, out _)))
                errors.Add($"Calendar:{key} の「{day}」は yyyy-MM-dd 形式ではありません。");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
