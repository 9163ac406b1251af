using DxCollab.TalentPool.Domain;

namespace DxCollab.TalentPool.Activity;

/// <summary>One visit or online session to log. <see cref="Date"/> is a Tokyo calendar day.</summary>
public sealed record ActivityInput(DateOnly? Date, decimal? Hours, SupportMode? Mode, string? Summary);

public sealed record ActivityView(long Id, long AssignmentId, DateOnly Date, decimal Hours, SupportMode Mode, string ModeName, string Summary,
    string LoggedBy, DateTime LoggedAt);

/// <summary>Hours used in one month of an assignment against the hours booked for it.</summary>
public sealed record MonthUse(string Month, int BookedHours, decimal UsedHours, decimal RemainingHours);

/// <summary>An assignment's activity log with its roll-up: per month against the booked hours, and against the expert's caps
/// per assignment (days on site, hours online; null cap = none).</summary>
public sealed record ActivityLogView(long AssignmentId, IReadOnlyList<MonthUse> Months, int OnSiteDays, int? OnSiteDaysCap, decimal OnlineHours,
    int? OnlineHoursCap, IReadOnlyList<ActivityView> Activities);

/// <summary>A report's text and attachments. <see cref="FileIds"/>: the files the report keeps (null = keep the ones it has);
/// a file not yet on the report must be one the same user uploaded with POST …/reports/files.</summary>
public sealed record ReportInput(string? Body, IReadOnlyList<long>? FileIds, bool Submit);

/// <summary>A report. <see cref="FileIds"/>: its attachments (uploaded with POST …/reports/files); <see cref="Files"/>: their
/// names and sizes, each downloadable from …/reports/{id}/files/{fileId} by whoever may read the assignment.</summary>
public sealed record ReportView(long Id, long AssignmentId, ReportKind Kind, string KindName, long? ActivityId, DateOnly DueDate, string? Body,
    IReadOnlyList<long> FileIds, DateTime? SubmittedAt, string? SubmittedBy, int BusinessDaysLeft, IReadOnlyList<ReportFileView> Files);

public sealed record ReportFileView(long Id, string FileName, string ContentType, long Length);

/// <summary>A line of the prefecture's report board: an unsubmitted report, how many 開庁日 it is overdue (0 when not).</summary>
public sealed record BoardLine(long ReportId, long AssignmentId, ReportKind Kind, string KindName, DateOnly DueDate, int DaysOverdue, int BusinessDaysLeft,
    string ExpertName, string OrganizationCode, string OrganizationName);

public sealed record SatisfactionInput(int? Rating, bool? WouldAskAgain, string? Comment);

/// <summary>Whether the 団体 has answered, and its answer (null until then).</summary>
public sealed record SatisfactionState(bool Answered, SatisfactionView? Answer);

/// <summary>What the satisfaction partial shows on a request: the answer, or the form when the user may answer now.</summary>
public sealed record SatisfactionForm(long RequestId, bool Completed, bool MayAnswer, SatisfactionView? Answer, string? Problem = null,
    string? ProblemField = null, SatisfactionInput? Typed = null);

public sealed record SatisfactionView(long RequestId, int Rating, bool WouldAskAgain, string? Comment, DateTime AnsweredAt, string AnsweredBy);

internal static class ActivityViewing
{
    public static ActivityView View(SupportActivity a) => new(a.Id, a.AssignmentId, a.Date, a.Hours, a.Mode, a.Mode.ToJapanese(), a.Summary, a.LoggedBy, a.LoggedAt);
}
