using DxCollab.Platform.Organizations;

namespace DxCollab.Standardization.National;

/// <summary>Host-level read model (not tenant-owned): the step counts of one 団体 × 業務 row of one prefecture, kept
/// by <see cref="NationalRollupConsumer"/> from events so national figures never read tenant tables. A row with
/// <see cref="IsEnabled"/> false is a 業務 the 団体 does not run: it is kept (so the "never reported = 40 未着手"
/// default does not bring it back) but counts in no figure.</summary>
public sealed class NationalProgressRow
{
    public long Id { get; private set; }
    /// <summary>The prefecture tenant's id (osaka); a plain column, not a tenant key.</summary>
    public required string PrefectureId { get; init; }
    public required string OrganizationCode { get; init; }
    public OrganizationType Type { get; set; }
    public int BusinessNumber { get; init; }
    public bool IsEnabled { get; set; } = true;
    public int Completed { get; set; }
    public int InProgress { get; set; }
    public int NotStarted { get; set; }
    public int NotApplicable { get; set; }
    /// <summary>When the tenant computed these counts (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
