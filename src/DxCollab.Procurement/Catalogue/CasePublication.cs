using System.Text.Json.Serialization;
using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Procurement.Catalogue;

/// <summary>Source tenant: that a workspace's case was published (once), under which key.</summary>
public sealed class CasePublication : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long WorkspaceId { get; set; }
    public Guid CaseKey { get; set; }
    public bool SpecificationShareable { get; set; }
    /// <summary>The document given on an approved request (its latest revision at that time); set when shareable.</summary>
    public long? SpecificationDocumentId { get; set; }
    public DateTime PublishedAt { get; set; }
    public required string PublishedBy { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<SpecificationRequestState>))]
public enum SpecificationRequestState { Pending, Approved, Refused }

/// <summary>Source tenant: another organisation's request for a published case's specification, as the lead body sees and
/// decides it. Arrives by message from the requester's tenant.</summary>
public sealed class SpecificationRequest : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public Guid RequestKey { get; set; }
    public Guid CaseKey { get; set; }
    public long WorkspaceId { get; set; }
    public required string RequesterTenant { get; set; }
    public required string RequesterOrganizationCode { get; set; }
    public required string RequesterOrganizationName { get; set; }
    public required string RequestedBy { get; set; }
    public string? Reason { get; set; }
    public DateTime RequestedAt { get; set; }
    public SpecificationRequestState State { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionNote { get; set; }
}

/// <summary>Requester's tenant: its own record of a request it sent, updated when the source tenant's decision arrives.</summary>
public sealed class SpecificationAsk : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public Guid RequestKey { get; set; }
    public Guid CaseKey { get; set; }
    public required string CaseTitle { get; set; }
    public required string SourceTenant { get; set; }
    public required string OrganizationCode { get; set; }
    public required string RequestedBy { get; set; }
    public string? Reason { get; set; }
    public DateTime RequestedAt { get; set; }
    public SpecificationRequestState State { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}
