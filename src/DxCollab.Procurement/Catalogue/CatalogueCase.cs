namespace DxCollab.Procurement.Catalogue;

/// <summary>Host level (no tenant): a finished procurement's case summary as every prefecture reads it, stored by the host's
/// consumer of <see cref="ProcurementCasePublished"/> — the source tenant never writes here itself.</summary>
public sealed class CatalogueCase
{
    public long Id { get; private set; }
    /// <summary>The publication's key, given by the source tenant: a redelivered message finds its row.</summary>
    public Guid CaseKey { get; set; }
    public required string SourceTenant { get; set; }
    public long SourceWorkspaceId { get; set; }
    public required string Subject { get; set; }
    public required string Title { get; set; }
    public required string LeadOrganizationName { get; set; }
    /// <summary>The member organisations' names, joined by 「、」.</summary>
    public required string MemberNames { get; set; }
    public int MemberCount { get; set; }
    public long? TotalPopulation { get; set; }
    public long? InitialCost { get; set; }
    public long? AnnualCost { get; set; }
    /// <summary>How the procurement went (経緯・進め方), as the lead wrote it.</summary>
    public required string Process { get; set; }
    public bool SpecificationShareable { get; set; }
    public DateOnly? FinishedOn { get; set; }
    public DateTime PublishedAt { get; set; }
    /// <summary>NFKC, kana-folded subject and title (JapaneseText.SearchKey) for the search box.</summary>
    public required string SearchKey { get; set; }
}
