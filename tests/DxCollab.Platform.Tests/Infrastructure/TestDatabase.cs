using DxCollab.Data.Sqlite;
using DxCollab.MultiTenancy;
using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Platform.Audit;
using DxCollab.Platform.Data;
using DxCollab.Platform.Modules;
using DxCollab.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Tests.Infrastructure;

/// <summary>One migrated SQLite database in memory, shared by every context a test builds. A named shared-cache
/// in-memory database lives as long as one connection to it is open; this class keeps that connection.
/// Contexts are built as the app builds them (<see cref="PlatformExtensions"/>): bound to a tenant when constructed,
/// with the audit and tenant-session interceptors.</summary>
public sealed class TestDatabase : IDisposable
{
    public static readonly PrefectureTenant Osaka = PrefectureCatalog.Build().Single(t => t.Identifier == "osaka");
    public static readonly PrefectureTenant Kyoto = PrefectureCatalog.Build().Single(t => t.Identifier == "kyoto");

    // Migrating takes a while; it is done once, and each test database starts as a copy of this one.
    private static readonly Lazy<TestDatabase> Migrated = new(() =>
    {
        var template = new TestDatabase(copyTemplate: false);
        using var db = template.CreateContext((PrefectureTenant?)null);
        db.Database.Migrate();
        return template;
    });

    private readonly SqliteConnection _keepAlive;

    /// <summary>A new, migrated, empty database.</summary>
    public TestDatabase() : this(copyTemplate: true) { }

    private TestDatabase(bool copyTemplate)
    {
        ConnectionString = $"Data Source=dxcollab-test-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        _keepAlive = new SqliteConnection(ConnectionString);
        _keepAlive.Open();
        if (!copyTemplate) return;
        var template = Migrated.Value._keepAlive;
        lock (template) template.BackupDatabase(_keepAlive);
    }

    public string ConnectionString { get; }
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
    public ICurrentActor Actor { get; set; } = new SystemActor("test@dxcollab.example");

    public DxCollabDbContext CreateContext(PrefectureTenant? tenant) =>
        CreateContext(new StaticMultiTenantContextAccessor<PrefectureTenant>(tenant));

    public DxCollabDbContext CreateContext(IMultiTenantContextAccessor<PrefectureTenant> accessor)
    {
        var builder = new DbContextOptionsBuilder<DxCollabDbContext>();
        SqliteDatabase.Use(builder, ConnectionString);
        builder.AddInterceptors(new AuditInterceptor(Actor, Clock), new TenantSessionInterceptor());
        return new DxCollabDbContext(builder.Options, accessor, DxCollab.Modules.ModuleCatalog.ModelContributors);
    }

    public void Dispose() => _keepAlive.Dispose();
}

/// <summary>A clock a test sets.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
