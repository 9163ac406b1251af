using DxCollab.IntegrationTests.Infrastructure;

namespace DxCollab.IntegrationTests.Files;

/// <summary>The web host on SQLite with the optional file pieces switched on by configuration: bytes in a folder
/// (<c>Files:Store=FileSystem</c>), every upload scanned by a (fake) clamd, and the 証跡 limit lowered through
/// <c>Files:Purposes</c>. Nothing is reset: its one test class reads what it wrote.</summary>
public sealed class FileSystemStoreAppFixture : AppFixture
{
    public override string Provider => "Sqlite";
    public FakeClamd Clamd { get; } = new();
    public string FilesRoot => Path.Combine(TempFolder, "files");

    protected override Task<Dictionary<string, string?>> PrepareAsync()
    {
        var settings = DxCollabFactory.BaseSettings(TempFolder);
        settings["Database:Provider"] = "Sqlite";
        settings["Database:ConnectionString"] = $"Data Source={Path.Combine(TempFolder, "dxcollab.db")}";
        settings["Files:Store"] = "FileSystem";
        settings["Files:FileSystemRoot"] = FilesRoot;
        settings["Files:ClamAv:Host"] = "127.0.0.1";
        settings["Files:ClamAv:Port"] = Clamd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Files:ClamAv:TimeoutSeconds"] = "5";
        settings["Files:Purposes:migration-files:MaxFileBytes"] = "65536";
        return Task.FromResult(settings);
    }

    protected override Task ResetDataAsync() => Task.CompletedTask;

    protected override Task CleanUpAsync()
    {
        Clamd.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}

// Like the demo collection: a host of its own, started and disposed while no other host starts (Hangfire's static log provider).
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FileSystemStoreCollection : ICollectionFixture<FileSystemStoreAppFixture>
{
    public const string Name = "sqlite-files";
}
