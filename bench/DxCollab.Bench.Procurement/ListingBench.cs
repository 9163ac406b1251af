using System.Text;

namespace DxCollab.Bench.Procurement;

/// <summary>The documents list of a workspace with 500 documents × 10 revisions on PostgreSQL (filled after the
/// documents slice is merged).</summary>
internal static class ListingBench
{
    public static Task<bool> RunAsync(StringBuilder report)
    {
        report.AppendLine("## Documents list").AppendLine().AppendLine("Not measured yet.").AppendLine();
        return Task.FromResult(false);
    }
}
