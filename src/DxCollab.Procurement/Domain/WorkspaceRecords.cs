using System.Text.Json.Serialization;
using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Procurement.Domain;

/// <summary>A move of a workspace's phase: from, to, who and when (the members are told; the home page shows the trail).</summary>
public sealed class PhaseChange : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long WorkspaceId { get; set; }
    public ProcurementPhase From { get; set; }
    public ProcurementPhase To { get; set; }
    public DateTime ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
    public string? Note { get; set; }
}

/// <summary>A dated step of the procurement (仕様書案の確定, 公告 …) owned by one member organisation.</summary>
public sealed class Milestone : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long WorkspaceId { get; set; }
    public required string Title { get; set; }
    /// <summary>A Tokyo calendar day.</summary>
    public DateOnly DueOn { get; set; }
    public required string OwnerOrganizationCode { get; set; }
    public required string OwnerOrganizationName { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? DoneBy { get; set; }
}

/// <summary>協定 (an agreement among the members) or 事務委託 (the members entrust the work to the lead).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgreementKind>))]
public enum AgreementKind { Agreement, Delegation }

/// <summary>The workspace's 協定 record (one per workspace): kind, signed date, the signatory member organisations and the
/// signed document in the Platform file store.</summary>
public sealed class AgreementRecord : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long WorkspaceId { get; set; }
    public AgreementKind Kind { get; set; }
    public DateOnly SignedOn { get; set; }
    /// <summary>団体コード of the signatories, comma-separated in member-list order (names are read from the member rows).</summary>
    public string SignatoryCodes { get; set; } = "";
    public long? FileId { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }

    public IReadOnlyList<string> Signatories => SignatoryCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
