namespace DxCollab.Bench.Nation;

internal enum Provider { PostgreSql, Sqlite }

/// <summary>Command line: sections to run (all by default), <c>--quick</c> (short load, few rounds: for trying the
/// harness, not for figures), <c>--providers postgres,sqlite</c>, <c>--demo-data</c> (the demo's osaka instead of the
/// generated nation, for when the seed tool is not there).</summary>
internal sealed record BenchOptions(IReadOnlySet<string> Sections, bool Quick, IReadOnlyList<Provider> Providers, bool DemoData, string CommandLine)
{
    public static readonly string[] AllSections = ["category", "dashboard", "national", "import", "reminders", "pages", "demo"];

    /// <summary>Seconds of load per hey run (hey -z).</summary>
    public int LoadSeconds => Quick ? 3 : 10;
    /// <summary>Load runs per page and connection count (alternated); the report gives the median run.</summary>
    public int LoadRounds => Quick ? 1 : 3;
    /// <summary>Sequential rounds of a single request and of its baseline, after <see cref="WarmUp"/>.</summary>
    public int Rounds => Quick ? 7 : 31;
    public int WarmUp => Quick ? 3 : 10;
    /// <summary>Rounds of the workbook import (each changes statuses, the next restores them).</summary>
    public int ImportRounds => Quick ? 2 : 6;
    /// <summary>Fresh clones started one after another for the demo start (its figure is their median).</summary>
    public int DemoStartRounds => Quick ? 1 : 3;

    public bool Runs(string section) => Sections.Contains(section);

    public static BenchOptions Parse(string[] args)
    {
        var sections = new HashSet<string>();
        var quick = false;
        var demo = false;
        List<Provider> providers = [Provider.PostgreSql, Provider.Sqlite];
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--quick": quick = true; break;
                case "--demo-data": demo = true; break;
                case "--providers" when i + 1 < args.Length:
                    providers = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseProvider)];
                    break;
                case "api": sections.UnionWith(["category", "national"]); break;
                case "-h" or "--help": throw new UsageException("");
                default:
                    if (!AllSections.Contains(arg)) throw new UsageException($"不明な引数: {arg}");
                    sections.Add(arg);
                    break;
            }
        }
        if (sections.Count == 0) sections.UnionWith(AllSections);
        return new(sections, quick, providers, demo, "bench/run.sh" + (args.Length == 0 ? "" : " " + string.Join(' ', args)));
    }

    private static Provider ParseProvider(string text) => text.ToLowerInvariant() switch
    {
        "postgres" or "postgresql" or "pg" => Provider.PostgreSql,
        "sqlite" => Provider.Sqlite,
        _ => throw new UsageException($"不明なデータベース: {text}（postgres または sqlite）"),
    };

    public const string Usage = """
        bench/run.sh [--quick] [--providers postgres,sqlite] [--demo-data] [section …]
          sections: category dashboard national import reminders pages demo (api = category national); default all
          --quick       3 s of load and few rounds: to try the harness, not for figures
          --demo-data   measure the demo's osaka (SQLite/PostgreSQL demo mode) instead of the generated nation
        """;
}

internal sealed class UsageException(string message) : Exception(message);
