using System.Text.Json.Serialization;
using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Procurement.Vendors;

/// <summary>When a vendor asked: during the RFI or the RFP (入札).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VendorStage>))]
public enum VendorStage { Rfi, Rfp }

/// <summary>A vendor's question recorded by the lead body, its answer and whether the answer is published (members and
/// observers see published ones only; the vendor export is the same list for every vendor).</summary>
public sealed class VendorQuestion : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long WorkspaceId { get; set; }
    public VendorStage Stage { get; set; }
    /// <summary>The asking vendor: shown to the workspace, never in the export sent to vendors.</summary>
    public required string VendorName { get; set; }
    public required string Question { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    public bool IsPublished => PublishedAt is not null;
}

/// <summary>A member's comment or suggestion on a question or its answer (a note to the lead, never sent to vendors).</summary>
public sealed class VendorQuestionNote : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public long QuestionId { get; set; }
    /// <summary>The organisation the author acts for (null for the prefecture's staff reading without a seat of their own).</summary>
    public string? OrganizationCode { get; set; }
    public required string Author { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
}
