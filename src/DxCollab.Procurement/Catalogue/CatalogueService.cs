using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Results;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Procurement.Costs;
using DxCollab.Procurement.CrossTenant;
using DxCollab.Procurement.Domain;
using DxCollab.Procurement.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Catalogue;

/// <summary>Tenant side of the catalogue: the lead body publishes a finished workspace's case (an outbox message the host
/// stores), and every tenant member reads the host-level catalogue — the only view across prefectures.</summary>
public sealed class CatalogueService(DxCollabDbContext db, TimeProvider clock, WorkspaceService workspaces, IWorkspaceContent content)
{
    public async Task<Outcome<CasePublicationView>> PublishAsync(long workspaceId, CasePublishInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<CasePublicationView>.NotFound("共同調達が見つかりません。");
        if (!seat.MayManage) return Outcome<CasePublicationView>.Forbidden("事例を公開できるのは代表団体です。");
        if (workspace.Phase != ProcurementPhase.Operation && workspace.FinishedAt is null)
            return Outcome<CasePublicationView>.Conflict("事例を公開できるのは、運用フェーズに入ったか終了した共同調達です。");
        if (await db.Set<CasePublication>().AnyAsync(p => p.WorkspaceId == workspaceId, ct))
            return Outcome<CasePublicationView>.Conflict("この共同調達の事例はすでに公開しています。");
        if (InputRefusals.Text<CasePublicationView>("process", input.Process, "調達の進め方・経緯（他の団体の参考になること）を入力してください。") is { } refused) return refused;
        if (JapaneseText.Clean(input.Process) is not { Length: > 0 } process)
            return Outcome<CasePublicationView>.Invalid("process", "調達の進め方・経緯（他の団体の参考になること）を入力してください。");
        if (process.Length > 8000) return Outcome<CasePublicationView>.Invalid("process", "進め方・経緯は8000文字以内で入力してください。");
        if (input.SpecificationShareable is not { } shareable)
            return Outcome<CasePublicationView>.Invalid("specificationShareable", "仕様書を求めに応じて提供できるかを選んでください。");
        var specification = shareable ? input.SpecificationDocumentId : null;
        if (shareable && (specification is not { } documentId || await content.LatestRevisionFileAsync(workspaceId, documentId, ct) is null))
            return Outcome<CasePublicationView>.Invalid("specificationDocumentId",
                specification is null ? "提供する仕様書の文書を選んでください。" : "この共同調達の文書で、版が登録されているものを選んでください。");
        foreach (var (field, value) in new[] { ("totalPopulation", input.TotalPopulation), ("initialCost", input.InitialCost), ("annualCost", input.AnnualCost) })
            if (value is < 0 or > CostSplit.MaxTotal) return Outcome<CasePublicationView>.Invalid(field, "0以上の整数で入力してください。");

        var members = await db.Set<WorkspaceMember>().AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && m.State == MemberState.Active && m.Role != MemberRole.Observer)
            .OrderBy(m => m.Role).ThenBy(m => m.OrganizationCode).ToListAsync(ct);
        // Population and costs, unless written, come from the latest saved cost split.
        var latest = await db.Set<CostShare>().AsNoTracking().Where(s => s.WorkspaceId == workspaceId).OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        var population = input.TotalPopulation;
        if (population is null && latest is not null)
            population = await db.Set<CostShareLine>().Where(l => l.CostShareId == latest.Id).SumAsync(l => (long?)l.Population, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var publication = new CasePublication
        {
            WorkspaceId = workspaceId, CaseKey = Guid.NewGuid(), SpecificationShareable = shareable, SpecificationDocumentId = specification, PublishedAt = now, PublishedBy = user.ActorLabel(),
        };
        db.Add(publication);
        db.AddIntegrationEvent(new ProcurementCasePublished(db.CurrentTenantId!, publication.CaseKey, workspaceId, workspace.Subject, workspace.Title,
            members.FirstOrDefault(m => m.Role == MemberRole.Lead)?.OrganizationName ?? workspace.LeadOrganizationCode,
            [.. members.Select(m => m.OrganizationName)], population is > 0 ? population : null, input.InitialCost ?? latest?.InitialCost,
            input.AnnualCost ?? latest?.AnnualCost, process, shareable, workspace.FinishedAt is { } f ? JapaneseCalendar.TokyoDate(f) : null, now),
            $"procurement-case:{publication.CaseKey}");
        await db.SaveChangesAsync(ct);
        return Outcome<CasePublicationView>.Ok(View(publication));
    }

    public async Task<CasePublicationView?> PublicationAsync(long workspaceId, CancellationToken ct = default) =>
        await db.Set<CasePublication>().AsNoTracking().FirstOrDefaultAsync(p => p.WorkspaceId == workspaceId, ct) is { } p ? View(p) : null;

    /// <summary>The catalogue, newest first; <paramref name="query"/> matches subject or title whatever the width or kana.</summary>
    public async Task<IReadOnlyList<CatalogueCaseView>> SearchAsync(string? query, CancellationToken ct = default)
    {
        var cases = db.Set<CatalogueCase>().AsNoTracking();
        var key = JapaneseText.SearchKey(query);
        if (key.Length > 0) cases = cases.Where(c => c.SearchKey.Contains(key));
        return [.. (await cases.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id).Take(500).ToListAsync(ct)).Select(View)];
    }

    public async Task<Outcome<CatalogueCaseView>> GetAsync(long caseId, CancellationToken ct = default) =>
        await db.Set<CatalogueCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct) is { } row
            ? Outcome<CatalogueCaseView>.Ok(View(row)) : Outcome<CatalogueCaseView>.NotFound("事例が見つかりません。");

    public static string SearchKeyOf(string subject, string title) => JapaneseText.SearchKey($"{subject} {title}");

    public static string PrefectureName(string tenant) => PrefectureCatalog.NameOf(tenant);

    private static CatalogueCaseView View(CatalogueCase c) => new(c.Id, c.SourceTenant, PrefectureName(c.SourceTenant), c.Subject, c.Title,
        c.LeadOrganizationName, c.MemberNames.Split('、', StringSplitOptions.RemoveEmptyEntries), c.TotalPopulation, c.InitialCost, c.AnnualCost,
        c.Process, c.SpecificationShareable, c.FinishedOn, c.PublishedAt);

    private static CasePublicationView View(CasePublication p) => new(p.WorkspaceId, p.CaseKey, p.SpecificationShareable, p.SpecificationDocumentId, p.PublishedAt, p.PublishedBy);
}
