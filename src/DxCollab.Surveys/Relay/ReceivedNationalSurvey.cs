using DxCollab.MultiTenancy.EntityFrameworkCore;

namespace DxCollab.Surveys.Relay;

/// <summary>A national survey as it reached this prefecture (受信した全国照会), created by the tenant consumer of
/// <see cref="Contracts.NationalSurveyIssued"/>. The prefecture relays it once (<see cref="RelayedSurveyId"/>) and marks its
/// figures 確報 (<see cref="FinalizedAt"/>).</summary>
public sealed class ReceivedNationalSurvey : ITenantOwned
{
    public long Id { get; private set; }
    public string TenantId { get; set; } = "";
    public Guid NationalSurveyId { get; init; }
    public required string Title { get; set; }
    public string Purpose { get; set; } = "";
    public DateOnly ReferenceDate { get; set; }
    public DateOnly Deadline { get; set; }
    /// <summary>The national form (national sections only).</summary>
    public string FormJson { get; set; } = "{}";
    public DateTime ReceivedAt { get; init; }
    /// <summary>The local survey that relays it to the municipalities, once relayed.</summary>
    public long? RelayedSurveyId { get; set; }
    public DateTime? RelayedAt { get; set; }
    public string? RelayedBy { get; set; }
    /// <summary>When the prefecture declared its figures 確報; cleared by a later correction.</summary>
    public DateTime? FinalizedAt { get; set; }
    public string? FinalizedBy { get; set; }
}
