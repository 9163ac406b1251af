using System.Text;

namespace DxCollab.Platform.Hosting;

/// <summary>A small seeded generator (SplitMix64 over an FNV-1a hash of the seed text), so the demo figures are the
/// same at every start and on every machine (<see cref="Random"/> and string hashes make no such promise). Every
/// module's demo data uses it, seeded with what it describes (e.g. a 団体コード), so one module's change never shifts
/// another's figures.</summary>
public sealed class DemoRandom(string seed)
{
    private ulong _state = Hash(seed);

    /// <summary>An integer in [min, maxExclusive).</summary>
    public int Next(int min, int maxExclusive) => min + (int)(NextUInt64() % (ulong)(maxExclusive - min));

    public bool Chance(double probability) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < probability;

    private ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>FNV-1a (64 bit) of the UTF-8 text: a stable order for picking "a few of many".</summary>
    public static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
