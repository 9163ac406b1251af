using System.Security.Claims;
using System.Text.Json;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Standardization.Contracts;
using MassTransit;
using DxCollab.Standardization.Tracking;
using DxCollab.Standardization.Workbook;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DxCollab.Standardization.Imports;

/// <summary>Runs one stored import when its <see cref="ImportRunRequested"/> arrives (under the message's tenant, on
/// whichever process runs consumers). The request travels through the outbox with the stored upload, so a run is never
/// stored without being started, and a per-host bus keeps each host's runs to itself. The import itself is
/// <see cref="WorkbookExchange.ImportAsync(WorkbookReadResult, ClaimsPrincipal, IProgress{ImportProgress}?, CancellationToken)"/>,
/// all or nothing in its own DbContext; the progress goes to the run row through a second DbContext (a progress write
/// must never save the import's pending changes), at most about twice a second and without audit entries (the run's
/// creation is audited; the step changes are audited and kept in the history under the requester's name).</summary>
public sealed class ImportRunner(IServiceProvider services, ILogger<ImportRunner> logger, TimeProvider clock) : IConsumer<ImportRunRequested>
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(500);

    public Task Consume(ConsumeContext<ImportRunRequested> context) =>
        RunAsync(context.Message.TenantId, context.Message.RunId, context.CancellationToken);

    /// <summary>Runs the import of <paramref name="runId"/> in the current tenant (the consumer's).</summary>
    public async Task RunAsync(string tenantId, Guid runId, CancellationToken ct)
    {
        await using var progressScope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var runs = progressScope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
        var run = await runs.Set<ImportRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        // A finished run is never repeated (e.g. a retry after the worker stopped between finishing and acknowledging).
        if (run is null || run.Status is ImportRunStatus.Completed or ImportRunStatus.Failed) return;
        await Update(runs, runId, s => s.SetProperty(r => r.Status, ImportRunStatus.Running).SetProperty(r => r.StartedAt, clock.GetUtcNow().UtcDateTime)
            .SetProperty(r => r.RowsRead, 0).SetProperty(r => r.RowsValidated, 0).SetProperty(r => r.RowsApplied, 0), ct);

        var latest = new Latest();
        using var stop = new CancellationTokenSource();
        var flushing = FlushLoopAsync(runs, runId, latest, stop.Token);
        try
        {
            var content = await runs.Set<ImportRunFile>().AsNoTracking().Where(f => f.Id == runId).Select(f => f.Content).FirstOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"Import run {runId} has no file.");
            using var stream = new MemoryStream(content, writable: false);
            var read = await WorkbookReader.ReadAsync(stream, new Inline<int>(n => latest.Read = n), ct);
            latest.Read = read.Rows.Count + read.Errors.Where(e => !e.IsFileLevel).Select(e => e.LineNumber).Distinct().Count();
            latest.Total = latest.Read;
            var report = await services.GetRequiredService<WorkbookExchange>().ImportAsync(read, Requester(run),
                new Inline<ImportProgress>(p => latest.Progress = p), ct);
            await StopAsync(stop, flushing);
            var rows = report.Rows;
            await Update(runs, runId, s => s.SetProperty(r => r.Status, ImportRunStatus.Completed)
                .SetProperty(r => r.FinishedAt, clock.GetUtcNow().UtcDateTime)
                .SetProperty(r => r.Applied, report.FileErrors.Count == 0 && report.Applied)
                .SetProperty(r => r.RowsTotal, latest.Progress?.RowsTotal ?? latest.Total)
                .SetProperty(r => r.RowsRead, latest.Read)
                .SetProperty(r => r.RowsValidated, latest.Progress?.RowsValidated ?? 0)
                .SetProperty(r => r.RowsApplied, report.Applied ? rows.Count : 0)
                .SetProperty(r => r.RejectedRows, report.RejectedRows)
                .SetProperty(r => r.ReportJson, JsonSerializer.Serialize(rows, ImportRuns.Json))
                .SetProperty(r => r.FileErrorsJson, JsonSerializer.Serialize(report.FileErrors, ImportRuns.Json)), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await StopAsync(stop, flushing);
            logger.LogError(ex, "Import run {RunId} of tenant {TenantId} failed", runId, tenantId);
            await Update(runs, runId, s => s.SetProperty(r => r.Status, ImportRunStatus.Failed).SetProperty(r => r.FinishedAt, clock.GetUtcNow().UtcDateTime)
                .SetProperty(r => r.Applied, false)
                .SetProperty(r => r.Failure, "取り込みの途中で問題が起きたため、何も変更していません。時間をおいてもう一度取り込むか、管理者に連絡してください。"), CancellationToken.None);
        }
        await runs.Set<ImportRunFile>().Where(f => f.Id == runId).ExecuteDeleteAsync(CancellationToken.None);
    }

    /// <summary>The requester as at the upload: their roles and 団体 decide which rows they may change.</summary>
    private static ClaimsPrincipal Requester(ImportRun run)
    {
        var claims = new List<Claim> { new(ClaimTypes.Email, run.RequestedBy), new(ClaimTypes.Name, run.RequestedBy) };
        if (run.RequestedByUserId is { } id) claims.Add(new(ClaimTypes.NameIdentifier, id));
        if (run.RequestedOrganizationCode is { } code) claims.Add(new(DxClaims.OrganizationCode, code));
        claims.AddRange(run.RequestedRoles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "import-run"));
    }

    private async Task FlushLoopAsync(DxCollabDbContext runs, Guid runId, Latest latest, CancellationToken stop)
    {
        (int Read, int Validated, int Applied, int? Total) written = (-1, -1, -1, null);
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(FlushEvery, stop); } catch (OperationCanceledException) { return; }
            var p = latest.Progress;
            var now = (latest.Read, p?.RowsValidated ?? 0, p?.RowsApplied ?? 0, p?.RowsTotal ?? latest.Total);
            if (now == written) continue;
            try
            {
                await Update(runs, runId, s => s.SetProperty(r => r.RowsRead, now.Item1).SetProperty(r => r.RowsValidated, now.Item2)
                    .SetProperty(r => r.RowsApplied, now.Item3).SetProperty(r => r.RowsTotal, now.Item4), stop);
                written = now;
            }
            catch (OperationCanceledException) { return; }
            catch (Exception ex) { logger.LogWarning(ex, "Progress of import run {RunId} not written", runId); }
        }
    }

    private static async Task StopAsync(CancellationTokenSource stop, Task flushing)
    {
        await stop.CancelAsync();
        await flushing;
    }

    private static Task<int> Update(DxCollabDbContext runs, Guid runId,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ImportRun>> set, CancellationToken ct) =>
        runs.Set<ImportRun>().Where(r => r.Id == runId).ExecuteUpdateAsync(set, ct);

    /// <summary>The latest figures, written by the import's thread and read by the flush loop (torn reads only delay a figure).</summary>
    private sealed class Latest
    {
        public volatile int Read;
        public int? Total;
        public volatile ImportProgress? Progress;
    }

    /// <summary>Called on the reporting thread (unlike <see cref="Progress{T}"/>, which posts), so figures are never out of order.</summary>
    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
