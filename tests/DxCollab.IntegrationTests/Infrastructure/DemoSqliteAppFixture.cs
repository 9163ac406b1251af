using System.Diagnostics;

namespace DxCollab.IntegrationTests.Infrastructure;

/// <summary>The embedded default as `dotnet run` starts it: SQLite, demo accounts and the modules' demo figures
/// (<c>Database:DemoFigures</c>, off in every other fixture). The figures are read-only for the tests of this collection,
/// so nothing is reset between classes.</summary>
public sealed class DemoSqliteAppFixture : AppFixture
{
    public override string Provider => "Sqlite";

    /// <summary>How long the host took to start: migrations, 団体 and the demo (accounts and figures).</summary>
    public TimeSpan StartUp { get; private set; }

    private readonly Stopwatch _watch = new();

    protected override Task<Dictionary<string, string?>> PrepareAsync()
    {
        var settings = DxCollabFactory.BaseSettings(TempFolder);
        settings["Database:Provider"] = "Sqlite";
        settings["Database:ConnectionString"] = $"Data Source={Path.Combine(TempFolder, "dxcollab.db")}";
        settings["Database:DemoFigures"] = "true";
        _watch.Start();
        return Task.FromResult(settings);
    }

    protected override Task AfterStartAsync()
    {
        StartUp = _watch.Elapsed;
        return Task.CompletedTask;
    }

    protected override Task ResetDataAsync() => Task.CompletedTask;

    protected override Task CleanUpAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}

// Hangfire's log provider is static: a host that starts slowly (seeding) while another host of a parallel collection is
// created and disposed can pick up a disposed LoggerFactory. Run alone, as the Backbone collection does.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DemoSqliteCollection : ICollectionFixture<DemoSqliteAppFixture>
{
    public const string Name = "sqlite-demo";
}
