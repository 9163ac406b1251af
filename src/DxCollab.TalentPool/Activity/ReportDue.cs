using DxCollab.Platform.Calendar;

namespace DxCollab.TalentPool.Activity;

/// <summary>When support reports are due, in 開庁日 (weekends, 祝日 and 年末年始 do not count).</summary>
public static class ReportDue
{
    public const int BusinessDays = 5;

    /// <summary>A report after an on-site visit: 5 開庁日 after the visit (the visit day itself does not count).</summary>
    public static DateOnly AfterVisit(BusinessCalendar calendar, DateOnly visit) => calendar.AddBusinessDays(visit, BusinessDays);

    /// <summary>The final report: 5 開庁日 after the assignment was completed, or after its last month ended when nobody
    /// completed it earlier.</summary>
    public static DateOnly Final(BusinessCalendar calendar, DateOnly endMonth, DateOnly? completedOn)
    {
        var lastDay = new DateOnly(endMonth.Year, endMonth.Month, 1).AddMonths(1).AddDays(-1);
        var end = completedOn is { } done && done < lastDay ? done : lastDay;
        return calendar.AddBusinessDays(end, BusinessDays);
    }
}
