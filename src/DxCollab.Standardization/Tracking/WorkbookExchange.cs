using System.Security.Claims;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Audit;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Text;
using DxCollab.Standardization.Contracts;
using DxCollab.Platform.Messaging;
using DxCollab.Standardization.Workbook;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

/// <summary>What happened to one row of an imported workbook.</summary>
public sealed record ImportRowReport(int LineNumber, string Organization, string Business, bool Applied, int ChangedSteps, string? Reason);

/// <summary>Where an import is: <see cref="RowsValidated"/> and <see cref="RowsApplied"/> of <see cref="RowsTotal"/>
/// data rows (rows with reading errors count as validated: they are rejected).</summary>
public sealed record ImportProgress(ImportPhase Phase, int RowsTotal, int RowsValidated, int RowsApplied);

public enum ImportPhase { Validating, Applying, Saving }

public sealed record ImportReport(bool Applied, IReadOnlyList<ImportRowReport> Rows, IReadOnlyList<string> FileErrors)
{
    public int RejectedRows => Rows.Count(r => r.Reason is not null);
}

/// <summary>Imports and exports the 総務省 workbook layout for the current tenant, so nobody types a status twice.
/// An import is all or nothing: every row is matched (by 団体コード when given, else by name within the tenant;
/// 「-」 is the prefecture itself) and checked first, and a single rejected row changes nothing.</summary>
public sealed class WorkbookExchange(DxCollabDbContext db, IMultiTenantContextAccessor<PrefectureTenant> tenant, TimeProvider clock,
    ICurrentActor currentActor)
{
    public async Task<ImportReport> ImportAsync(WorkbookReadResult file, ClaimsPrincipal user, CancellationToken ct = default) =>
        await ImportAsync(file, user, null, ct);

    /// <summary>As above, telling <paramref name="progress"/> after each row validated and applied (the background
    /// import shows it; the callback must be quick).</summary>
    public async Task<ImportReport> ImportAsync(WorkbookReadResult file, ClaimsPrincipal user, IProgress<ImportProgress>? progress, CancellationToken ct = default)
    {
        var fileErrors = file.Errors.Where(e => e.IsFileLevel).Select(e => e.Message).ToList();
        if (fileErrors.Count > 0) return new(false, [], fileErrors);

        var prefecture = tenant.MultiTenantContext.TenantInfo!;
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.AbolishedOn == null).ToListAsync(ct);
        var byCode = organizations.ToDictionary(o => o.Code);
        var byName = organizations.GroupBy(o => JapaneseText.SearchKey(o.Name)).ToDictionary(g => g.Key, g => g.ToList());
        var disabled = await SwitchedOffBusinesses.LoadAsync(db, ct);

        var reports = file.Errors.Where(e => !e.IsFileLevel)
            .Select(e => new ImportRowReport(e.LineNumber ?? 0, "", "", false, 0, e.StepId is null ? e.Message : $"{e.StepId}: {e.Message}")).ToList();
        var accepted = new List<(int Line, Organization Org, StandardBusiness Business, IReadOnlyList<StepStatus> Statuses)>();
        var acceptedKeys = new HashSet<(string Code, int Business)>();
        var total = reports.Count + file.Rows.Count;
        var validated = reports.Count;
        progress?.Report(new(ImportPhase.Validating, total, validated, 0));
        var prefectureKey = JapaneseText.SearchKey(prefecture.Name);
        foreach (var (line, row) in file.Rows)
        {
            var label = row.MunicipalityName ?? row.PrefectureName;
            string? reason = null;
            Organization? org = null;
            if (JapaneseText.SearchKey(row.PrefectureName) != prefectureKey)
                reason = $"{prefecture.Name}ではなく「{row.PrefectureName}」の行です。";
            else if (row.LocalGovernmentCode is { } code)
                org = byCode.GetValueOrDefault(code);
            else if (row.IsPrefecture)
                org = organizations.FirstOrDefault(o => o.IsPrefecture);
            else if (byName.TryGetValue(JapaneseText.SearchKey(row.MunicipalityName), out var named))
                org = named.Count == 1 ? named[0] : null;

            if (reason is null && org is not null && row.LocalGovernmentCode is not null
                && JapaneseText.SearchKey(org.IsPrefecture ? null : org.Name) != JapaneseText.SearchKey(row.MunicipalityName))
                reason = $"団体コード「{row.LocalGovernmentCode}」は{org.Name}ですが、行の名称は「{label}」です。";
            else if (reason is null && org is null)
                reason = row.LocalGovernmentCode is { } c ? $"団体コード「{c}」の団体は{prefecture.Name}にありません。" : $"「{label}」という団体は{prefecture.Name}にありません。";
            else if (reason is null && !MigrationCatalog.BusinessesOf(org!.Type).Contains(row.Business.Number))
                reason = "都道府県が報告する業務は児童扶養手当と生活保護だけです。";
            else if (reason is null && disabled.Contains((org!.Code, row.Business.Number)))
                reason = $"{row.Business.OfficialName}はこの団体では対象にしていません。";
            else if (reason is null && !MigrationAccess.CanEdit(user, org!.Code))
                reason = $"{org.Name}の進捗を変更する権限がありません。";
            else if (reason is null && !acceptedKeys.Add((org!.Code, row.Business.Number)))
                reason = "同じ団体・業務の行が重複しています。";

            if (reason is not null) reports.Add(new(line, label, row.Business.OfficialName, false, 0, reason));
            else accepted.Add((line, org!, row.Business, row.Statuses));
            progress?.Report(new(ImportPhase.Validating, total, ++validated, 0));
        }
        if (reports.Count > 0)
            return new(false, [.. reports.Concat(accepted.Select(a => new ImportRowReport(a.Line, a.Org.Name, a.Business.OfficialName, false, 0, null)))
                .OrderBy(r => r.LineNumber)], []);

        var actor = user.ActorLabel();
        var now = clock.GetUtcNow().UtcDateTime;
        var codes = accepted.Select(a => a.Org.Code).Distinct().ToList();
        var stored = await StatusWrite.ReadAsync(db, codes, ct);
        var write = new StatusWrite(now, actor, "import");
        var applied = new List<ImportRowReport>();
        foreach (var (line, org, business, statuses) in accepted)
        {
            var changed = 0;
            for (var i = 0; i < statuses.Count; i++)
            {
                var step = MigrationStepDefinition.All[i].Number;
                var cell = stored[org.Code][StatusWrite.Index(business.Number, step)];
                if (cell.Status == statuses[i]) continue;
                write.Add(org.Code, business.Number, step, cell, statuses[i]);
                changed++;
            }
            applied.Add(new(line, org.Name, business.OfficialName, true, changed, null));
            progress?.Report(new(ImportPhase.Applying, total, validated, applied.Count));
        }
        var changedLines = applied.Where(r => r.ChangedSteps > 0).Select(r => r.LineNumber).ToHashSet();
        foreach (var org in accepted.Where(a => changedLines.Contains(a.Line)).GroupBy(a => a.Org.Code))
            db.AddIntegrationEvent(new MigrationStepsChanged(prefecture.Id, org.Key, [.. org.Select(a => a.Business.Number).Distinct().Order()],
                [.. Enumerable.Range(1, MigrationCatalog.StepCount)], null, now, "import"), aggregateKey: $"migration:{org.Key}");
        progress?.Report(new(ImportPhase.Saving, total, validated, applied.Count));
        // One audit entry for the import: each changed step's history row already says who changed it from what to what,
        // and the audit log shows the import as one event instead of thousands of lines.
        if (write.Count > 0) db.AuditEntries.Add(Summary(user, now, applied, write));
        await write.SaveAsync(db, ct);
        return new(true, applied, []);
    }

    private AuditEntry Summary(ClaimsPrincipal user, DateTime now, List<ImportRowReport> applied, StatusWrite write) => new()
    {
        TenantId = db.CurrentTenantId!,
        OccurredAt = now,
        UserId = user.UserId(),
        UserEmail = user.ActorLabel(),
        OrganizationCode = user.FindFirstValue(DxClaims.OrganizationCode),
        RequestId = currentActor.RequestId,
        Action = AuditAction.Imported,
        EntityType = nameof(StepProgress),
        EntityKey = WorkbookLayout.SheetName,
        After = AuditJson.Serialize(new Dictionary<string, object>
        {
            ["行数"] = applied.Count,
            ["変更したステップ"] = write.Count,
            ["団体"] = write.Organizations,
        }),
    };

    /// <summary>The tenant's rows in the 総務省 layout: every active 団体 × 業務 it reports (unrecorded steps 未着手).</summary>
    public async Task<IReadOnlyList<WorkbookRow>> ExportRowsAsync(CancellationToken ct = default)
    {
        var prefecture = tenant.MultiTenantContext.TenantInfo!;
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.AbolishedOn == null).OrderBy(o => o.Code).ToListAsync(ct);
        var disabled = await SwitchedOffBusinesses.LoadAsync(db, ct);
        var cells = (await db.Set<StepProgress>().AsNoTracking().Select(p => new { p.OrganizationCode, p.BusinessNumber, p.StepNumber, p.Status }).ToListAsync(ct))
            .ToDictionary(p => (p.OrganizationCode, p.BusinessNumber, p.StepNumber), p => p.Status);
        return organizations.OrderBy(o => o.IsPrefecture ? 0 : 1).ThenBy(o => o.Code)
            .SelectMany(o => MigrationCatalog.BusinessesOf(o.Type).Where(b => !disabled.Contains((o.Code, b))).Select(b => new WorkbookRow(
                prefecture.Name!, o.IsPrefecture ? null : o.Name, StandardBusiness.All.First(x => x.Number == b),
                MigrationStepDefinition.All.Select(s => cells.GetValueOrDefault((o.Code, b, s.Number), StepStatus.NotStarted)).ToList(), o.Code)))
            .ToList();
    }
}
