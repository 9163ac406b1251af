namespace DxCollab.Bench.Nation;

/// <summary>One database with the server running on it, and the prefecture administrator signed in twice: the API's
/// bearer token and the pages' cookie.</summary>
internal sealed record RunContext(BenchOptions Options, Report Report, BenchDatabase Db, WebServer Server, Session Api, Session Pages)
{
    public Target Target => Db.Target;
    public string Where => $"{Target.TenantName}, {Db.Name}";

    /// <summary>Times one request read whole (compressed as a browser asks), in ms; throws unless 2xx.</summary>
    public static async Task<double> TimeGetAsync(HttpClient client, string path)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        var ms = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        return ms;
    }
}
