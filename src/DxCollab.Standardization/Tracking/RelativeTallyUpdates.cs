using System.Globalization;
using System.Text;
using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace DxCollab.Standardization.Tracking;

/// <summary>A change to one existing tally row: counts to add (count = count + delta) and, for a 団体 × 業務 row, a time
/// that becomes its LastChangedAt when later than the stored one.</summary>
internal sealed record TallyChange(string OrganizationCode, int Key, IStatusCounts Delta, DateTime? At);

/// <summary>Relative UPDATEs of tally rows, many per command. One UPDATE per row was one round trip each: an import of
/// a whole prefecture changes ≈ 3,600 団体 × 業務 rows and ≈ 7,200 団体 × step rows, which cost most of its time (#12).
/// The statements stay relative, so two saves for the same 団体 at once both count; the tenant is named in every
/// statement (the query filter does not apply to raw SQL; PostgreSQL's row-level security checks it too). Counts are
/// integers written into the text; codes and times are parameters.</summary>
internal static class RelativeTallyUpdates
{
    /// <summary>Statements per command: two parameters each at most, under SQL Server's 2,100 per command.</summary>
    private const int StatementsPerCommand = 500;

    public static Task BusinessesAsync(DxCollabDbContext db, IReadOnlyCollection<TallyChange> changes, CancellationToken ct) =>
        ApplyAsync<BusinessTally>(db, nameof(BusinessTally.BusinessNumber), withTime: true, changes, ct);

    public static Task StepsAsync(DxCollabDbContext db, IReadOnlyCollection<TallyChange> changes, CancellationToken ct) =>
        ApplyAsync<StepTally>(db, nameof(StepTally.StepNumber), withTime: false, changes, ct);

    private static async Task ApplyAsync<TTally>(DxCollabDbContext db, string keyProperty, bool withTime, IReadOnlyCollection<TallyChange> changes,
        CancellationToken ct)
    {
        if (changes.Count == 0) return;
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(TTally))!;
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());
        var (tenant, code, key) = (Column("TenantId"), Column("OrganizationCode"), Column(keyProperty));
        var last = withTime ? Column(nameof(BusinessTally.LastChangedAt)) : "";
        var counts = new[] { nameof(IStatusCounts.Completed), nameof(IStatusCounts.InProgress), nameof(IStatusCounts.NotStarted), nameof(IStatusCounts.NotApplicable) }
            .Select(Column).ToArray();

        foreach (var chunk in changes.Chunk(StatementsPerCommand))
        {
            var text = new StringBuilder();
            var parameters = new List<object> { db.CurrentTenantId! };
            foreach (var change in chunk)
            {
                var d = change.Delta;
                var sets = counts.Zip(new[] { d.Completed, d.InProgress, d.NotStarted, d.NotApplicable })
                    .Where(c => c.Second != 0)
                    .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.First} = {c.First} + {c.Second}")).ToList();
                if (withTime && change.At is { } at)
                {
                    var p = Placeholder(parameters, DateTime.SpecifyKind(at, DateTimeKind.Utc));
                    sets.Add($"{last} = CASE WHEN {last} IS NULL OR {last} < {p} THEN {p} ELSE {last} END");
                }
                if (sets.Count == 0) continue;
                text.Append(CultureInfo.InvariantCulture,
                    $"UPDATE {table} SET {string.Join(", ", sets)} WHERE {tenant} = {{0}} AND {code} = {Placeholder(parameters, change.OrganizationCode)} AND {key} = {change.Key};\n");
            }
            if (text.Length > 0) await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, ct);
        }
    }

    private static string Placeholder(List<object> parameters, object value)
    {
        parameters.Add(value);
        return "{" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
    }
}
