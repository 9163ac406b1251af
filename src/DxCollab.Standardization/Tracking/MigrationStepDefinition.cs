using System.Reflection;
using System.Text;

namespace DxCollab.Standardization.Tracking;

/// <summary>One of the 40 steps of the 総務省 標準化 procedure, as named in the progress workbook (the 標準化
/// module's vocabulary; the 20 業務 stay in Platform because other modules name them too).
/// Steps are not done in order; nothing in DxCollab enforces an order.</summary>
public sealed class MigrationStepDefinition
{
    public int Number { get; init; }
    /// <summary>①-1 … ⑱-1</summary>
    public required string StepId { get; init; }
    /// <summary>作業項目 ①…⑱</summary>
    public required string Item { get; init; }
    /// <summary>A hint for the item; only ① is an official heading.</summary>
    public required string ItemHeading { get; init; }
    public required string Name { get; init; }
    /// <summary>The header text exactly as in the 総務省 workbook (may contain stray spaces).</summary>
    public required string WorkbookName { get; init; }

    private static readonly Lazy<IReadOnlyList<MigrationStepDefinition>> Bundled = new(Load);
    public static IReadOnlyList<MigrationStepDefinition> All => Bundled.Value;

    private static IReadOnlyList<MigrationStepDefinition> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DxCollab.Standardization.Tracking.migration-steps.csv")
            ?? throw new InvalidOperationException("Bundled migration-steps.csv is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        reader.ReadLine();
        var steps = new List<MigrationStepDefinition>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            steps.Add(new() { Number = int.Parse(f[0]), StepId = f[1], Item = f[2], ItemHeading = f[3], Name = f[4], WorkbookName = f[5] });
        }
        return steps.Count == 40 ? steps : throw new InvalidOperationException($"Expected 40 steps, found {steps.Count}.");
    }
}
