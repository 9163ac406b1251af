namespace DxCollab.Platform.Prefill;

/// <summary>Every registered <see cref="IPrefillSource"/>: what the question builder offers and how a question's
/// prefill key is resolved. Scoped, like the sources (they read the tenant's DbContext).</summary>
public sealed class PrefillSources(IEnumerable<IPrefillSource> sources)
{
    public IReadOnlyList<IPrefillSource> All { get; } = [.. sources.OrderBy(s => s.Key, StringComparer.Ordinal)];

    public IPrefillSource? Find(string? key) =>
        string.IsNullOrWhiteSpace(key) ? null : All.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal));
}
