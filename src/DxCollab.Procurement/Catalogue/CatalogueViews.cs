namespace DxCollab.Procurement.Catalogue;

/// <summary>What the lead writes when publishing. Population and costs default to the workspace's latest saved cost split;
/// a shareable specification names the workspace's document that is given on an approved request.</summary>
public sealed record CasePublishInput(string? Process, bool? SpecificationShareable, long? TotalPopulation, long? InitialCost, long? AnnualCost,
    long? SpecificationDocumentId = null);

public sealed record CatalogueCaseView(long Id, string SourceTenant, string SourcePrefectureName, string Subject, string Title, string LeadOrganizationName,
    IReadOnlyList<string> MemberNames, long? TotalPopulation, long? InitialCost, long? AnnualCost, string Process, bool SpecificationShareable,
    DateOnly? FinishedOn, DateTime PublishedAt);

public sealed record CasePublicationView(long WorkspaceId, Guid CaseKey, bool SpecificationShareable, long? SpecificationDocumentId, DateTime PublishedAt,
    string PublishedBy);

public sealed record SpecificationRequestInput(string? Reason);

public sealed record SpecificationDecisionInput(bool? Approve, string? Note);

/// <summary>A request as the source's lead body sees it.</summary>
public sealed record SpecificationRequestView(long Id, Guid RequestKey, string RequesterTenant, string RequesterOrganizationCode,
    string RequesterOrganizationName, string RequestedBy, string? Reason, DateTime RequestedAt, SpecificationRequestState State, string StateName,
    DateTime? DecidedAt, string? DecidedBy, string? DecisionNote);

/// <summary>A request as the requesting organisation sees it.</summary>
public sealed record SpecificationAskView(long Id, Guid RequestKey, Guid CaseKey, string CaseTitle, string SourceTenant, string RequestedBy,
    string? Reason, DateTime RequestedAt, SpecificationRequestState State, string StateName, DateTime? DecidedAt, string? DecisionNote);

public static class CatalogueVocabulary
{
    public static string ToJapanese(this SpecificationRequestState state) => state switch
    {
        SpecificationRequestState.Pending => "回答待ち",
        SpecificationRequestState.Approved => "提供可",
        SpecificationRequestState.Refused => "提供不可",
        _ => state.ToString(),
    };
}
