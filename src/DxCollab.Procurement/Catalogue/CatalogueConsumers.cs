using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Tenancy;
using DxCollab.Procurement.CrossTenant;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Catalogue;

/// <summary>Host side: keeps a published case in the catalogue (by its key, so a redelivery changes nothing).</summary>
public sealed class CaseCatalogueConsumer(DxCollabDbContext db, TimeProvider clock) : IdempotentConsumer<ProcurementCasePublished>(db, clock)
{
    protected override async Task HandleAsync(ConsumeContext<ProcurementCasePublished> context)
    {
        var m = context.Message;
        if (!PrefectureCatalog.Identifiers.Contains(m.SourceTenant))
            throw new InvalidOperationException($"ProcurementCasePublished names unknown prefecture '{m.SourceTenant}'.");
        if (await Db.Set<CatalogueCase>().AnyAsync(c => c.CaseKey == m.CaseKey, context.CancellationToken)) return;
        Db.Add(new CatalogueCase
        {
            CaseKey = m.CaseKey, SourceTenant = m.SourceTenant, SourceWorkspaceId = m.WorkspaceId, Subject = m.Subject, Title = m.Title,
            LeadOrganizationName = m.LeadOrganizationName, MemberNames = string.Join("、", m.MemberNames), MemberCount = m.MemberNames.Count,
            TotalPopulation = m.TotalPopulation, InitialCost = m.InitialCost, AnnualCost = m.AnnualCost, Process = m.Process,
            SpecificationShareable = m.SpecificationShareable, FinishedOn = m.FinishedOn, PublishedAt = m.PublishedAt,
            SearchKey = CatalogueService.SearchKeyOf(m.Subject, m.Title),
        });
    }
}

/// <summary>Source tenant: a request for a published case's specification arrives and waits for the lead body.</summary>
public sealed class SpecificationRequestConsumer(DxCollabDbContext db, TimeProvider clock) : IdempotentConsumer<SpecificationRequested>(db, clock)
{
    protected override async Task HandleAsync(ConsumeContext<SpecificationRequested> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        if (await Db.Set<SpecificationRequest>().AnyAsync(r => r.RequestKey == m.RequestKey, ct)) return;
        var publication = await Db.Set<CasePublication>().AsNoTracking().FirstOrDefaultAsync(p => p.CaseKey == m.CaseKey, ct);
        // A case not (or no longer) shareable here: refuse at once, so the requester is not left waiting.
        if (publication is not { SpecificationShareable: true })
        {
            Db.SendToTenant(new SpecificationRequestDecided(m.RequesterTenant, m.RequestKey, false,
                "この事例の仕様書は提供の対象ではありません。", m.RequestedAt), $"specification-request:{m.RequestKey}", m.RequestedAt);
            return;
        }
        Db.Add(new SpecificationRequest
        {
            RequestKey = m.RequestKey, CaseKey = m.CaseKey, WorkspaceId = publication.WorkspaceId, RequesterTenant = m.RequesterTenant,
            RequesterOrganizationCode = m.RequesterOrganizationCode, RequesterOrganizationName = m.RequesterOrganizationName, RequestedBy = m.RequestedBy,
            Reason = m.Reason, RequestedAt = m.RequestedAt, State = SpecificationRequestState.Pending,
        });
    }
}

/// <summary>Requester's tenant: the source's decision updates its own record of the request.</summary>
public sealed class SpecificationDecisionConsumer(DxCollabDbContext db, TimeProvider clock) : IdempotentConsumer<SpecificationRequestDecided>(db, clock)
{
    protected override async Task HandleAsync(ConsumeContext<SpecificationRequestDecided> context)
    {
        var m = context.Message;
        var ask = await Db.Set<SpecificationAsk>().FirstOrDefaultAsync(a => a.RequestKey == m.RequestKey, context.CancellationToken);
        if (ask is null || ask.State != SpecificationRequestState.Pending) return;
        ask.State = m.Approved ? SpecificationRequestState.Approved : SpecificationRequestState.Refused;
        (ask.DecidedAt, ask.DecisionNote) = (m.DecidedAt, m.Note);
    }
}

/// <summary>Source tenant, at each download by a requester: the specification's latest revision is granted only for a
/// request of that tenant and organisation that the lead body approved here — the requester's own record is not trusted.</summary>
public sealed class SpecificationFileResponder(DxCollabDbContext db, IWorkspaceContent content, FileGrants grants) : IConsumer<SpecificationFileRequested>
{
    public async Task Consume(ConsumeContext<SpecificationFileRequested> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        var request = await db.Set<SpecificationRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.RequestKey == m.RequestKey
            && r.RequesterTenant == m.RequesterTenant && r.RequesterOrganizationCode == m.RequesterOrganizationCode
            && r.State == SpecificationRequestState.Approved, ct);
        var publication = request is null ? null
            : await db.Set<CasePublication>().AsNoTracking().FirstOrDefaultAsync(p => p.CaseKey == request.CaseKey && p.SpecificationShareable, ct);
        var file = publication is { SpecificationDocumentId: { } documentId }
            ? await content.LatestRevisionFileAsync(publication.WorkspaceId, documentId, ct) : null;
        await context.RespondAsync(new SpecificationFileAnswer(m.TenantId, file is not null, file is null ? null : grants.Issue(file)));
    }
}
