using System.Globalization;
using DxCollab.Platform.Text;
using JapaneseCalendar = DxCollab.Platform.Text.JapaneseCalendar;
using DxCollab.Procurement.Domain;

namespace DxCollab.Procurement.Workspaces;

public sealed record PhaseInput(ProcurementPhase? Phase, string? Note);

public sealed record PhaseChangeView(long Id, ProcurementPhase From, string FromName, ProcurementPhase To, string ToName, DateTime ChangedAt,
    string ChangedBy, string? Note)
{
    public static PhaseChangeView Of(PhaseChange c) =>
        new(c.Id, c.From, c.From.ToJapanese(), c.To, c.To.ToJapanese(), c.ChangedAt, c.ChangedBy, c.Note);
}

/// <summary>A milestone: <c>dueOn</c> is a Tokyo day as yyyy-MM-dd.</summary>
public sealed record MilestoneInput(string? Title, string? DueOn, string? OwnerOrganizationCode);

/// <summary>A milestone with its due day in 和暦 and whether it is overdue (not done and before today in Tokyo).</summary>
public sealed record MilestoneView(long Id, string Title, DateOnly DueOn, string DueOnJapanese, string OwnerOrganizationCode, string OwnerOrganizationName,
    bool Done, DateTime? DoneAt, string? DoneBy, bool Overdue)
{
    public static MilestoneView Of(Milestone m, DateOnly today) => new(m.Id, m.Title, m.DueOn, JapaneseCalendar.Format(m.DueOn), m.OwnerOrganizationCode,
        m.OwnerOrganizationName, m.DoneAt is not null, m.DoneAt, m.DoneBy, m.DoneAt is null && m.DueOn < today);
}

/// <summary>The 協定 record: <c>signedOn</c> as yyyy-MM-dd; signatories are 団体コード of active members.</summary>
public sealed record AgreementInput(AgreementKind? Kind, string? SignedOn, IReadOnlyList<string>? SignatoryCodes);

public sealed record Signatory(string OrganizationCode, string OrganizationName);

public sealed record AgreementView(long Id, AgreementKind Kind, string KindName, DateOnly SignedOn, string SignedOnJapanese,
    IReadOnlyList<Signatory> Signatories, long? FileId, string? FileName, DateTime RecordedAt, string RecordedBy);

public sealed record AgreementDocument(string FileName, string ContentType, Stream Content);

internal static class TokyoDates
{
    /// <summary>A yyyy-MM-dd day, or null when missing or not a date.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
