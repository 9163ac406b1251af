using System.Collections.Concurrent;
using DxCollab.Platform.Data;
using DxCollab.Platform.Text;
using Microsoft.Extensions.Caching.Memory;

namespace DxCollab.Standardization.Tracking;

/// <summary>The web instance's store of computed dashboard figures (one per process, shared by its requests).</summary>
public sealed class ProgressFigureStore : IDisposable
{
    /// <summary>Figures of a version no request asks for any more leave after this; it also bounds how late the figures
    /// that move with the clock alone are (停滞 counted in weeks since the last change).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    internal MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = 2_000 });
    internal ConcurrentDictionary<string, SemaphoreSlim> Gates { get; } = new();

    public void Dispose() => Cache.Dispose();
}

/// <summary>What the prefecture dashboard shows (団体区分 and 業務 tables, the insights summary, each heat map), computed
/// once per tenant, <see cref="ProgressVersion"/> and Tokyo day instead of once per request: 20 staff opening 北海道's
/// dashboard read the version (one row) and share one computation. A save that changes the figures bumps the version,
/// so the next request on any instance computes afresh; one request per tenant computes at a time and the others wait
/// for its result instead of computing the same.</summary>
public sealed class ProgressFigures
{
    private readonly DxCollabDbContext db;
    private readonly ProgressFigureStore store;
    private readonly TimeProvider clock;
    private (string Tenant, long? Version)? read;
    private long? national;

    public ProgressFigures(DxCollabDbContext db, ProgressFigureStore store, TimeProvider clock)
    {
        (this.db, this.store, this.clock) = (db, store, clock);
        // The request's own saves count at once.
        db.SavedChanges += (_, _) => (read, national) = (null, null);
    }

    public async Task<T> GetAsync<T>(string figure, Func<CancellationToken, Task<T>> compute, CancellationToken ct) where T : class =>
        db.CurrentTenantId is { } tenant && await KeyAsync(figure, ct) is { } key ? await KeptAsync(tenant, key, compute, ct) : await compute(ct);

    /// <summary>The key <paramref name="figure"/> is kept under for this tenant, version and Tokyo day (null when figures
    /// are not kept): what is rendered from a figure can be cached under it too, e.g. the heat map's 4,000 cells.</summary>
    public async Task<string?> KeyAsync(string figure, CancellationToken ct) =>
        db.CurrentTenantId is { } tenant && await VersionAsync(tenant, ct) is { } version ? $"{tenant}|{version}|{Today}|{figure}" : null;

    /// <summary>The same for the national figures (host level), under <see cref="National.NationalProgressVersion"/>.</summary>
    public async Task<T> GetNationalAsync<T>(string figure, Func<CancellationToken, Task<T>> compute, CancellationToken ct) where T : class
    {
        national ??= await National.NationalProgressVersion.ReadAsync(db, ct);
        if (national is not { } version) return await compute(ct);
        return await KeptAsync("", $"|national|{version}|{Today}|{figure}", compute, ct);
    }

    private string Today => JapaneseCalendar.TodayInTokyo(clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<T> KeptAsync<T>(string gateKey, string key, Func<CancellationToken, Task<T>> compute, CancellationToken ct) where T : class
    {
        if (store.Cache.TryGetValue(key, out T? kept) && kept is not null) return kept;
        var gate = store.Gates.GetOrAdd(gateKey, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (store.Cache.TryGetValue(key, out kept) && kept is not null) return kept;
            var value = await compute(ct);
            store.Cache.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = ProgressFigureStore.Lifetime, Size = 1 });
            return value;
        }
        finally { gate.Release(); }
    }

    /// <summary>Read once per request (again after a save of its own, or when the context moves to another tenant).</summary>
    private async Task<long?> VersionAsync(string tenant, CancellationToken ct)
    {
        if (read is { } r && r.Tenant == tenant) return r.Version;
        var version = await ProgressVersion.ReadAsync(db, ct);
        read = (tenant, version);
        return version;
    }
}
