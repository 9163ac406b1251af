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

/// <summary>Relative UPDATEs of tally rows: on PostgreSQL and SQLite one set-based UPDATE per chunk, on SQL Server (never
/// run here; only its model and migrations are tested) many statements per command. One UPDATE per row was one round trip each: an import of
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

        if (db.Database.ProviderName is "Microsoft.EntityFrameworkCore.Sqlite" or "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            await SetBasedAsync(db, table, tenant, code, key, last, counts, changes, ct);
            return;
        }
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
                if (last.Length > 0 && change.At is { } at)
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

    /// <summary>PostgreSQL and SQLite: one UPDATE … FROM (VALUES …) per chunk of rows with the same time, instead of a statement
    /// per row. A statement per row cost ≈ 0.25 ms each on PostgreSQL: 0.8 s of a 北海道 import's 3 s (#12). VALUES columns
    /// are column1 … column6 on both (SQLite names no others).</summary>
    private static async Task SetBasedAsync(DxCollabDbContext db, string table, string tenant, string code, string key, string last,
        string[] counts, IReadOnlyCollection<TallyChange> changes, CancellationToken ct)
    {
        var sets = string.Join(", ", counts.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"{c} = {c} + v.column{i + 3}")));
        foreach (var sameTime in changes.GroupBy(c => last.Length > 0 ? c.At : null))
            foreach (var chunk in sameTime.Chunk(StatementsPerCommand))
            {
                var parameters = new List<object> { db.CurrentTenantId! };
                var time = "";
                if (sameTime.Key is { } at)
                {
                    var p = Placeholder(parameters, DateTime.SpecifyKind(at, DateTimeKind.Utc));
                    time = $", {last} = CASE WHEN {last} IS NULL OR {last} < {p} THEN {p} ELSE {last} END";
                }
                var rows = string.Join(", ", chunk.Select(c => string.Create(CultureInfo.InvariantCulture,
                    $"({Placeholder(parameters, c.OrganizationCode)}, {c.Key}, {c.Delta.Completed}, {c.Delta.InProgress}, {c.Delta.NotStarted}, {c.Delta.NotApplicable})")));
                // Identifiers from the model, counts as integers, codes and the time as parameters.
                var text = $"UPDATE {table} SET {sets}{time} FROM (VALUES {rows}) AS v WHERE {table}.{tenant} = {{0}} AND {table}.{code} = v.column1 AND {table}.{key} = v.column2";
                await db.Database.ExecuteSqlRawAsync(text, parameters, ct);
            }
    }

    private static string Placeholder(List<object> parameters, object value)
    {
        parameters.Add(value);
        return "{" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
    }
}
