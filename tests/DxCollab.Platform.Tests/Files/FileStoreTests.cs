using System.Net;
using System.Net.Sockets;
using System.Text;
using DxCollab.Platform.Files;
using DxCollab.Platform.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Tests.Files;

/// <summary>What an uploader sees of the platform's file store: each purpose's own limits and kinds, the limits kept
/// under their old keys, the scanner's verdict, and the bytes coming back from either content store.</summary>
public sealed class FileStoreTests : IDisposable
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7 計画書"u8];
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task Each_purpose_has_its_own_size_limit_and_kinds_and_says_them_in_japanese()
    {
        using var provider = Services(new(), s =>
        {
            s.AddUploadPurpose("small", p => p.MaxFileBytes = 1024);
            s.AddUploadPurpose("lists", p => p.Extensions = [".csv"]);
        });
        var store = Store(provider);

        var tooLarge = await store.CheckAsync(Upload("計画書.pdf", [.. Pdf, .. new byte[2000]]), "small");
        tooLarge.Refusal.ShouldBe(FileRefusal.TooLarge);
        tooLarge.Message.ShouldBe("ファイル「計画書.pdf」は大きすぎます（2 KB）。1 ファイル 1 KB までです。");
        tooLarge.ToOutcome<int>("file").Kind.ShouldBe(DxCollab.Platform.Results.OutcomeKind.TooLarge);

        var notAList = await store.CheckAsync(Upload("計画書.pdf", Pdf), "lists");
        notAList.Refusal.ShouldBe(FileRefusal.NotAllowed);
        notAList.Message!.ShouldContain("受け付けるのは csv です");

        var accepted = await store.CheckAsync(Upload(@"C:\書類\計画書.pdf", Pdf), "small");
        accepted.Accepted.ShouldBeTrue();
        accepted.File!.FileName.ShouldBe("計画書.pdf");
        accepted.File.ContentType.ShouldBe("application/pdf");
    }

    [Fact]
    public void The_old_Migration_Files_keys_still_set_the_limits_and_Files_Purposes_overrides_them()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Migration:Files:MaxFileBytes"] = "2097152", ["Migration:Files:MaxAttachmentsPerMessage"] = "3",
            ["Files:Purposes:other:MaxFileBytes"] = "4096",
        };
        using var provider = Services(settings, s =>
        {
            s.AddUploadPurpose("evidence", p => { p.MaxFileBytes = 10 * 1024 * 1024; p.MaxFilesPerRequest = 5; }, legacySection: "Migration:Files");
            s.AddUploadPurpose("other", p => p.MaxFileBytes = 10 * 1024 * 1024);
        });
        var store = Store(provider);
        store.Policy("evidence").MaxFileBytes.ShouldBe(2 * 1024 * 1024);
        store.Policy("evidence").MaxFileSizeText.ShouldBe("2 MB");
        store.Policy("evidence").MaxFilesPerRequest.ShouldBe(3);
        store.Policy("other").MaxFileBytes.ShouldBe(4096);
    }

    [Theory]
    [InlineData(ScanVerdict.Infected, FileRefusal.Infected, "Eicar-Test-Signature")]
    [InlineData(ScanVerdict.Unavailable, FileRefusal.ScanUnavailable, "ウイルス検査ができなかった")]
    public async Task A_file_the_scanner_refuses_or_cannot_scan_is_not_taken(ScanVerdict verdict, FileRefusal refusal, string said)
    {
        using var provider = Services(new(), s =>
        {
            s.AddUploadPurpose("any", _ => { });
            s.AddSingleton<IFileScanner>(new FixedScanner(new FileScanResult(verdict, "Eicar-Test-Signature")));
        });
        var check = await Store(provider).CheckAsync(Upload("計画書.pdf", Pdf), "any");
        check.Refusal.ShouldBe(refusal);
        check.Message!.ShouldContain(said);
    }

    [Fact]
    public async Task The_database_store_gives_back_the_bytes_until_the_file_is_deleted()
    {
        using var provider = Services(new(), s => s.AddUploadPurpose("any", _ => { }));
        using var scope = provider.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<FileStore>();
        var check = await store.CheckAsync(Upload("計画書.pdf", Pdf), "any");
        var file = store.Add("272035", check.File!, "toyonaka@osaka.example", null);
        await store.SaveAsync();
        (await store.ReadAsync(file)).ShouldBe(Pdf);
        await store.DeleteAsync(file, "toyonaka@osaka.example");
        await scope.ServiceProvider.GetRequiredService<DxCollab.Platform.Data.DxCollabDbContext>().SaveChangesAsync();
        (await store.ReadAsync(file)).ShouldBeNull();
        file.DeletedBy.ShouldBe("toyonaka@osaka.example");
    }

    [Fact]
    public async Task A_file_larger_than_a_chunk_is_stored_in_megabyte_chunks_and_comes_back_byte_for_byte_until_deleted()
    {
        using var provider = Services(new(), s => s.AddUploadPurpose("large", p => p.MaxFileBytes = 8 * 1024 * 1024));
        using var scope = provider.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<FileStore>();
        var db = scope.ServiceProvider.GetRequiredService<DxCollab.Platform.Data.DxCollabDbContext>();
        var content = new byte[3 * StoredFileChunk.Size + 12345];
        new Random(7).NextBytes(content);
        "%PDF-1.7"u8.CopyTo(content);
        var check = await store.CheckAsync(Upload("仕様書.pdf", content), "large");
        check.File!.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
        var file = store.Add("272035", check.File!, "toyonaka@osaka.example", null);
        await store.SaveAsync();

        db.Set<StoredFileChunk>().Count(c => c.FileId == file.Id).ShouldBe(4);
        db.Set<StoredFileContent>().Count(c => c.FileId == file.Id).ShouldBe(0);
        db.ChangeTracker.Entries<StoredFileChunk>().ShouldBeEmpty(); // saved chunks are not kept in memory
        await using (var stream = await store.OpenReadAsync(file))
        {
            using var copy = new MemoryStream();
            await stream!.CopyToAsync(copy);
            copy.ToArray().ShouldBe(content);
        }
        await store.DeleteAsync(file, "toyonaka@osaka.example");
        await db.SaveChangesAsync();
        db.Set<StoredFileChunk>().Count(c => c.FileId == file.Id).ShouldBe(0);
        (await store.ReadAsync(file)).ShouldBeNull();
    }

    [Fact]
    public async Task The_file_system_store_keeps_each_tenants_bytes_in_its_own_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), $"dxcollab-files-{Guid.NewGuid():N}");
        try
        {
            using var provider = Services(new() { ["Files:Store"] = "FileSystem", ["Files:FileSystemRoot"] = root }, s => s.AddUploadPurpose("any", _ => { }));
            provider.GetRequiredService<IFileContentStore>().ShouldBeOfType<FileSystemFileContentStore>();
            using var scope = provider.CreateScope();
            var store = scope.ServiceProvider.GetRequiredService<FileStore>();
            var check = await store.CheckAsync(Upload("計画書.pdf", Pdf), "any");
            var file = store.Add("272035", check.File!, "toyonaka@osaka.example", null);
            await store.SaveAsync();

            File.Exists(Path.Combine(root, "osaka", file.Id.ToString())).ShouldBeTrue();
            (await store.ReadAsync(file)).ShouldBe(Pdf);
            await store.DeleteAsync(file, "toyonaka@osaka.example");
            File.Exists(Path.Combine(root, "osaka", file.Id.ToString())).ShouldBeFalse();
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Clamd_is_asked_with_INSTREAM_and_its_answer_decides()
    {
        using var clamd = new FakeClamd();
        var scanner = new ClamdFileScanner(Options.Create(new FileStorageOptions { ClamAv = new() { Host = "127.0.0.1", Port = clamd.Port } }),
            NullLogger<ClamdFileScanner>.Instance);

        (await scanner.ScanAsync("計画書.pdf", new MemoryStream(Pdf))).Verdict.ShouldBe(ScanVerdict.Clean);
        var eicar = await scanner.ScanAsync("eicar.txt", new MemoryStream(Encoding.ASCII.GetBytes("X5O!P%@AP EICAR-STANDARD-ANTIVIRUS-TEST-FILE" + new string('x', 100_000))));
        eicar.ShouldBe(new FileScanResult(ScanVerdict.Infected, "Eicar-Test-Signature"));
        clamd.LastLength.ShouldBe(100_044); // every chunk arrived

        var closedPort = new ClamdFileScanner(Options.Create(new FileStorageOptions { ClamAv = new() { Host = "127.0.0.1", Port = FakeClamd.UnusedPort() } }),
            NullLogger<ClamdFileScanner>.Instance);
        (await closedPort.ScanAsync("計画書.pdf", new MemoryStream(Pdf))).Verdict.ShouldBe(ScanVerdict.Unavailable);
    }

    public void Dispose() => _database.Dispose();

    private FileStore Store(ServiceProvider provider) => provider.CreateScope().ServiceProvider.GetRequiredService<FileStore>();

    private ServiceProvider Services(Dictionary<string, string?> settings, Action<IServiceCollection> configure)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_database.Clock);
        services.AddScoped(_ => _database.CreateContext(TestDatabase.Osaka));
        configure(services);
        services.AddDxCollabFiles(configuration);
        return services.BuildServiceProvider();
    }

    private static FormFile Upload(string name, byte[] content) => new(new MemoryStream(content), 0, content.Length, "file", name);

    private sealed class FixedScanner(FileScanResult result) : IFileScanner
    {
        public Task<FileScanResult> ScanAsync(string fileName, Stream content, CancellationToken ct = default) => Task.FromResult(result);
    }

    /// <summary>A loopback stand-in for clamd: reads zINSTREAM and its chunks, answers FOUND when the bytes hold "EICAR".</summary>
    private sealed class FakeClamd : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();

        public FakeClamd()
        {
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public int LastLength { get; private set; }

        public static int UnusedPort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await using var stream = client.GetStream();
                var command = new byte[10];
                await stream.ReadExactlyAsync(command, _stop.Token);
                Encoding.ASCII.GetString(command).ShouldBe("zINSTREAM\0");
                var received = new MemoryStream();
                var length = new byte[4];
                while (true)
                {
                    await stream.ReadExactlyAsync(length, _stop.Token);
                    var size = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(length);
                    if (size == 0) break;
                    var chunk = new byte[size];
                    await stream.ReadExactlyAsync(chunk, _stop.Token);
                    received.Write(chunk);
                }
                LastLength = (int)received.Length;
                var infected = Encoding.ASCII.GetString(received.ToArray()).Contains("EICAR", StringComparison.Ordinal);
                await stream.WriteAsync(Encoding.ASCII.GetBytes(infected ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0"), _stop.Token);
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }
}
