using System.Globalization;
using System.Reflection;
using System.Text;
using DxCollab.Standardization.Tracking;

namespace DxCollab.Standardization.Demo;

/// <summary>The 総務省 2026-01 figures of one prefecture, from the embedded copy (Demo/Data, 大阪府 and 京都府 only):
/// the prefecture's own statuses step by step, and each municipality's published 完了率 per 業務.</summary>
public sealed class PublishedFigures
{
    /// <summary>業務番号 → step → status of the prefecture itself; 「未」 (未着手) steps are left out.</summary>
    public required IReadOnlyDictionary<int, IReadOnlyDictionary<int, StepStatus>> PrefectureSteps { get; init; }
    /// <summary>(市町村名, 業務番号) → published rate (0–1).</summary>
    public required IReadOnlyDictionary<(string Municipality, int Business), double> MunicipalRates { get; init; }

    private static readonly Lazy<List<string[]>> StepRows = new(() => Load("prefecture-step-status.csv"));
    private static readonly Lazy<List<string[]>> RateRows = new(() => Load("municipality-business-rates.csv"));

    /// <summary>The figures of a prefecture by name (大阪府, 京都府), or null when the demo copy does not hold it.</summary>
    public static PublishedFigures? For(string prefectureName)
    {
        var steps = StepRows.Value.Where(f => f[0] == prefectureName).ToList();
        var rates = RateRows.Value.Where(f => f[0] == prefectureName).ToList();
        if (steps.Count == 0 && rates.Count == 0) return null;
        return new PublishedFigures
        {
            PrefectureSteps = steps
                .Select(f => (Business: Business(f[1]), Step: int.Parse(f[2], CultureInfo.InvariantCulture),
                    Status: StepStatusText.Parse(f[3]) ?? throw new InvalidDataException($"Unknown status 「{f[3]}」 in the demo data.")))
                .Where(s => s.Status != StepStatus.NotStarted)
                .GroupBy(s => s.Business)
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, StepStatus>)g.ToDictionary(s => s.Step, s => s.Status)),
            MunicipalRates = rates.ToDictionary(f => (f[1], Business(f[2])), f => double.Parse(f[3], CultureInfo.InvariantCulture)),
        };
    }

    private static int Business(string name) =>
        MigrationCatalog.FindBusiness(name)?.Number ?? throw new InvalidDataException($"Unknown 業務 「{name}」 in the demo data.");

    private static List<string[]> Load(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DxCollab.Standardization.Demo." + file)
            ?? throw new InvalidOperationException($"Embedded demo data {file} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        reader.ReadLine(); // header
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) rows.Add(line.Split(','));
        return rows;
    }
}
