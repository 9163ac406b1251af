using DxCollab.Platform.Messaging;

namespace DxCollab.Procurement.Catalogue;

/// <summary>Host level: a lead body published a finished procurement's case; the host's consumer keeps it in the catalogue.
/// Carries everything the catalogue shows, so the host never reads the tenant's tables.</summary>
public sealed record ProcurementCasePublished(string SourceTenant, Guid CaseKey, long WorkspaceId, string Subject, string Title,
    string LeadOrganizationName, IReadOnlyList<string> MemberNames, long? TotalPopulation, long? InitialCost, long? AnnualCost, string Process,
    bool SpecificationShareable, DateOnly? FinishedOn, DateTime PublishedAt) : IHostLevelMessage;

/// <summary>To the source tenant (<see cref="TenantId"/>): an organisation of <see cref="RequesterTenant"/> asks for a case's
/// specification.</summary>
public sealed record SpecificationRequested(string TenantId, Guid RequestKey, Guid CaseKey, string RequesterTenant, string RequesterOrganizationCode,
    string RequesterOrganizationName, string RequestedBy, string? Reason, DateTime RequestedAt) : ITenantMessage;

/// <summary>Back to the requester's tenant (<see cref="TenantId"/>): the lead body approved or refused the request.</summary>
public sealed record SpecificationRequestDecided(string TenantId, Guid RequestKey, bool Approved, string? Note, DateTime DecidedAt) : ITenantMessage;


/// <summary>Request to the source tenant (<see cref="TenantId"/>), at each download by the requester: a grant for the
/// specification, if this request is (still) approved there.</summary>
public sealed record SpecificationFileRequested(string TenantId, Guid RequestKey, string RequesterTenant, string RequesterOrganizationCode) : ITenantMessage;

/// <summary>The source's answer: a <see cref="Platform.Files.FileGrants"/> grant for the specification's latest revision, or none.</summary>
public sealed record SpecificationFileAnswer(string TenantId, bool Granted, string? Grant) : ITenantMessage;
