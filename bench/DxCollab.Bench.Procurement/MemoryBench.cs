using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DxCollab.Bench.Procurement;

/// <summary>Uploads and downloads a revision of <see cref="LargeMb"/> MB and one of <see cref="BaselineMb"/> MB through the
/// real server, three times each, and reads the server's peak memory growth for each: streamed, the large file grows it
/// about as little as the small one; buffered, it would grow by the file's size at least.</summary>
internal static class MemoryBench
{
    public const int LargeMb = 50, BaselineMb = 5, Rounds = 3;
    public const long BudgetBytes = 20L * 1024 * 1024;

    public sealed record Figures(long Mb, List<long> UploadGrowth, List<long> DownloadGrowth, List<double> UploadSeconds, List<double> DownloadSeconds);

    public static async Task<(Figures Large, Figures Baseline)> RunAsync()
    {
        await using var database = await BenchDatabase.CreateAsync("dxcollab_procmem");
        await using var server = await ServerProcess.StartAsync(database);
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(5) };
        using (var login = await client.PostAsJsonAsync("/api/v1/osaka/auth/login", new { email = "toyonaka@osaka.example", password = "Demo-2026!" }))
        {
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var created = await client.PostAsJsonAsync("/api/v1/osaka/procurements", new { subject = "ベンチマーク", title = "メモリの計測" });
        created.EnsureSuccessStatusCode();
        var workspace = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var folder = Directory.CreateTempSubdirectory("dxcollab-bench-files-").FullName;
        try
        {
            var large = await PdfAsync(folder, LargeMb);
            var small = await PdfAsync(folder, BaselineMb);
            await OneRoundAsync(server, client, workspace, await PdfAsync(folder, 1), null); // warm-up: JIT, pools, first queries
            var largeFigures = new Figures(LargeMb, [], [], [], []);
            var smallFigures = new Figures(BaselineMb, [], [], [], []);
            for (var i = 0; i < Rounds; i++) // alternated, so both see the same server state
            {
                await OneRoundAsync(server, client, workspace, small, smallFigures);
                await OneRoundAsync(server, client, workspace, large, largeFigures);
            }
            return (largeFigures, smallFigures);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task OneRoundAsync(ServerProcess server, HttpClient client, long workspace, string path, Figures? figures)
    {
        string? download = null;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var up = await server.PeakGrowthAsync(async () => download = await DocumentsApi.UploadAsync(client, workspace, path));
        var upSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var down = await server.PeakGrowthAsync(async () =>
        {
            using var response = await client.GetAsync(download, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            var length = 0L;
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0) length += read;
            if (length != new FileInfo(path).Length) throw new InvalidOperationException($"ダウンロードの長さ {length} がファイルと違います。");
        });
        if (figures is null) return;
        figures.UploadGrowth.Add(up);
        figures.DownloadGrowth.Add(down);
        figures.UploadSeconds.Add(upSeconds);
        figures.DownloadSeconds.Add(watch.Elapsed.TotalSeconds);
    }

    /// <summary>A PDF-looking file of <paramref name="mb"/> MB (random bytes after the signature, so nothing compresses).</summary>
    private static async Task<string> PdfAsync(string folder, int mb)
    {
        var path = Path.Combine(folder, $"仕様書-{mb}MB.pdf");
        if (File.Exists(path)) return path;
        await using var file = File.Create(path);
        await file.WriteAsync("%PDF-1.7\n"u8.ToArray());
        var random = new Random(mb);
        var buffer = new byte[1024 * 1024];
        for (var i = 0; i < mb; i++)
        {
            random.NextBytes(buffer);
            await file.WriteAsync(i == mb - 1 ? buffer.AsMemory(0, buffer.Length - 9) : buffer);
        }
        return path;
    }
}
