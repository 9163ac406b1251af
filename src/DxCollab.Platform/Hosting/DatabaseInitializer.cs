using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Hosting;

/// <summary>Runs at start-up: applies migrations (shared database and every tenant database), loads the bundled
/// 団体 list into each tenant (idempotent) and, in demo mode only, the demo users.</summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, IMultiTenantStore<PrefectureTenant> store, TenantScope<PrefectureTenant> tenantScope,
    IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger)
{
    public const string BundledListSource = "総務省 都道府県コード及び市区町村コード（令和6年1月1日更新）";
    private static readonly DateOnly BundledListDate = new(2024, 1, 1);

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        var tenants = await store.GetAllAsync();
        if (options.Value.ApplyMigrationsOnStart) await MigrateAsync(tenants, ct);
        var result = await LoadOrganizationsAsync(tenants, LocalGovernmentList.Bundled, BundledListDate, BundledListSource, abolishMissing: false, ct);
        if (result.Created > 0) logger.LogInformation("Loaded {Created} 団体 into the prefecture tenants", result.Created);
        if (options.Value.DemoEnabled)
        {
            using var _ = tenantScope.Begin(null, "seed");
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(ct);
        }
    }

    /// <summary>Imports a (later) 総務省 list into every prefecture tenant. Bodies missing from a full list are
    /// marked abolished, never deleted. A list with any invalid row must be refused before calling this.</summary>
    public async Task<OrganizationSyncResult> LoadOrganizationsAsync(IReadOnlyList<PrefectureTenant> tenants, IReadOnlyList<LocalGovernmentRecord> list,
        DateOnly effectiveOn, string source, bool abolishMissing, CancellationToken ct = default)
    {
        var total = OrganizationSyncResult.Empty;
        foreach (var tenant in tenants.Where(t => !t.IsHost))
        {
            using var _ = tenantScope.Begin(tenant, "seed");
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
            total = total.Add(await OrganizationCatalogSync.SyncAsync(db, tenant.PrefectureCode, list, effectiveOn, source, abolishMissing, ct));
        }
        return total;
    }

    private async Task MigrateAsync(IReadOnlyList<PrefectureTenant> tenants, CancellationToken ct)
    {
        // The shared database, then each tenant that has a database of its own.
        var targets = new List<PrefectureTenant?> { null };
        targets.AddRange(tenants.Where(t => !string.IsNullOrEmpty(t.ConnectionString)));
        foreach (var tenant in targets)
        {
            using var _ = tenantScope.Begin(tenant, "migrate");
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
            if (tenant is null && options.Value.MigrationsConnectionString is { Length: > 0 } owner) db.Database.SetConnectionString(owner);
            if (db.Database.IsSqlite()) EnsureSqliteFolder(db.Database.GetConnectionString());
            await RefuseOlderThanBaselineAsync(db, tenant?.Identifier ?? "shared database", ct);
            await db.Database.MigrateAsync(ct);
            logger.LogInformation("Database ready for {Target}", tenant?.Identifier ?? "shared database");
        }
    }

    /// <summary>A database migrated before the baseline (docs/decisions/0013) but not up to it would have the baseline
    /// create every table again over its own: say what to do instead of failing half-way.</summary>
    private static async Task RefuseOlderThanBaselineAsync(DxCollabDbContext db, string target, CancellationToken ct)
    {
        if (db.Database.GetMigrations().FirstOrDefault() is not { } baseline) return;
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        if (applied.Count == 0 || applied.Contains(baseline)) return;
        throw new InvalidOperationException(
            $"The database of {target} was made by migrations older than the baseline {baseline} and stops at {applied.Max()}. " +
            "Upgrade it with the release before the baseline first, restore a newer backup, or (demo and development databases) delete it " +
            "to have it made again. データベースが古い版のままです。デモ用であれば削除すると作り直されます（docs/operations.md「Upgrades」）。");
    }

    private static void EnsureSqliteFolder(string? connectionString)
    {
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(path) && path != ":memory:" && folder is not null) Directory.CreateDirectory(folder);
    }
}
