using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Standardization.Tracking;

/// <summary>A difference between the tally and a recount from the rows: which tally, its key, and both counts.</summary>
public sealed record TallyDifference(string Tally, string OrganizationCode, int Number, string Expected, string Actual);

/// <summary>Reads, fills and checks the tally of the current tenant (<see cref="BusinessTally"/>, <see cref="StepTally"/>).
/// Writes keep it current through <see cref="ProgressTallyInterceptor"/>; a tenant whose tally was never filled (data
/// from before the tally, on any provider and under row-level security) is filled from its rows on first use.</summary>
public static class ProgressTallies
{
    /// <summary>The tenant's 団体 × 業務 tallies, filled first if they never were.</summary>
    public static async Task<Dictionary<(string Code, int Business), BusinessTally>> BusinessesAsync(DxCollabDbContext db, string? organizationCode,
        CancellationToken ct)
    {
        await EnsureFilledAsync(db, ct);
        return await db.Set<BusinessTally>().AsNoTracking().Where(t => organizationCode == null || t.OrganizationCode == organizationCode)
            .ToDictionaryAsync(t => (t.OrganizationCode, t.BusinessNumber), ct);
    }

    /// <summary>The tenant's 団体 × step tallies, filled first if they never were.</summary>
    public static async Task<Dictionary<(string Code, int Step), StepTally>> StepsAsync(DxCollabDbContext db, CancellationToken ct)
    {
        await EnsureFilledAsync(db, ct);
        return await db.Set<StepTally>().AsNoTracking().ToDictionaryAsync(t => (t.OrganizationCode, t.StepNumber), ct);
    }

    /// <summary>Fills an empty tally from existing rows (the tally is never emptied once filled, so empty with rows
    /// present means "from before the tally"). Two first readers at once: the loser's insert fails on the unique index
    /// and it reads the winner's.</summary>
    public static async Task EnsureFilledAsync(DxCollabDbContext db, CancellationToken ct)
    {
        if (await db.Set<BusinessTally>().AnyAsync(ct) || !await db.Set<StepProgress>().AnyAsync(ct)) return;
        var (businesses, steps) = await RecountAsync(db, ct);
        db.AddRange(businesses);
        db.AddRange(steps);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            Forget(db);
            if (!await db.Set<BusinessTally>().AsNoTracking().AnyAsync(ct)) throw;
        }
    }

    /// <summary>Stops tracking tally rows: saved ones are changed by relative UPDATEs from now on (a tracked copy would only
    /// go stale), and ones a failed write added must not be stored by a later save.</summary>
    public static void Forget(DbContext? db)
    {
        if (db is null) return;
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is BusinessTally or StepTally).ToList())
            entry.State = EntityState.Detached;
    }

    /// <summary>What the tally should hold, counted from the rows of the current tenant (not saved).</summary>
    public static async Task<(List<BusinessTally> Businesses, List<StepTally> Steps)> RecountAsync(DxCollabDbContext db, CancellationToken ct)
    {
        var tenantId = db.CurrentTenantId ?? throw new InvalidOperationException("No tenant to count.");
        var byBusiness = await db.Set<StepProgress>().AsNoTracking()
            .GroupBy(p => new { p.OrganizationCode, p.BusinessNumber, p.Status })
            .Select(g => new { g.Key.OrganizationCode, g.Key.BusinessNumber, g.Key.Status, Count = g.Count(), Last = g.Max(p => p.UpdatedAt) })
            .ToListAsync(ct);
        var changed = await db.Set<StepProgressChange>().AsNoTracking()
            .GroupBy(c => new { c.OrganizationCode, c.BusinessNumber })
            .Select(g => new { g.Key.OrganizationCode, g.Key.BusinessNumber, Last = g.Max(c => c.ChangedAt) }).ToListAsync(ct);
        var steps = await db.Set<StepProgress>().AsNoTracking()
            .GroupBy(p => new { p.OrganizationCode, p.StepNumber, p.Status })
            .Select(g => new { g.Key.OrganizationCode, g.Key.StepNumber, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var fold = new TallyFold(tenantId);
        foreach (var c in byBusiness) fold.Business(c.OrganizationCode, c.BusinessNumber, c.Status, c.Count, c.Last);
        foreach (var c in changed) fold.Changed(c.OrganizationCode, c.BusinessNumber, c.Last);
        foreach (var c in steps) fold.Step(c.OrganizationCode, c.StepNumber, c.Status, c.Count);
        return fold.Result();
    }

    /// <summary>The tally of rows about to be written in bulk, which bypasses the save interceptor: what <see cref="RecountAsync"/>
    /// would count once they are stored (rows per status and the latest UpdatedAt / ChangedAt).</summary>
    public static (List<BusinessTally> Businesses, List<StepTally> Steps) Count(string tenantId, IEnumerable<StepProgress> rows,
        IEnumerable<StepProgressChange> changes)
    {
        var fold = new TallyFold(tenantId);
        foreach (var row in rows)
        {
            fold.Business(row.OrganizationCode, row.BusinessNumber, row.Status, 1, row.UpdatedAt);
            fold.Step(row.OrganizationCode, row.StepNumber, row.Status, 1);
        }
        foreach (var change in changes) fold.Changed(change.OrganizationCode, change.BusinessNumber, change.ChangedAt);
        return fold.Result();
    }

    /// <summary>Adds counted statuses (grouped by the database, or one row at a time) into tally rows: the one fold of a
    /// recount and of a bulk write, so both count alike.</summary>
    private sealed class TallyFold(string tenantId)
    {
        private readonly Dictionary<(string, int), BusinessTally> businesses = [];
        private readonly Dictionary<(string, int), StepTally> steps = [];

        public void Business(string code, int number, StepStatus status, int count, DateTime last)
        {
            var tally = BusinessOf(code, number);
            tally.Add(status, count);
            tally.LastChangedAt = Later(tally.LastChangedAt, last);
        }

        public void Changed(string code, int number, DateTime at)
        {
            var tally = BusinessOf(code, number);
            tally.LastChangedAt = Later(tally.LastChangedAt, at);
        }

        public void Step(string code, int number, StepStatus status, int count)
        {
            if (!steps.TryGetValue((code, number), out var tally))
                steps[(code, number)] = tally = new StepTally { TenantId = tenantId, OrganizationCode = code, StepNumber = number };
            tally.Add(status, count);
        }

        public (List<BusinessTally> Businesses, List<StepTally> Steps) Result() => ([.. businesses.Values], [.. steps.Values]);

        private BusinessTally BusinessOf(string code, int number)
        {
            if (!businesses.TryGetValue((code, number), out var tally))
                businesses[(code, number)] = tally = new BusinessTally { TenantId = tenantId, OrganizationCode = code, BusinessNumber = number };
            return tally;
        }
    }

    /// <summary>Where the stored tally differs from a recount (empty when consistent): for a test, or an operator's check.</summary>
    public static async Task<IReadOnlyList<TallyDifference>> DifferencesAsync(DxCollabDbContext db, CancellationToken ct = default)
    {
        var (businesses, steps) = await RecountAsync(db, ct);
        var stored = await db.Set<BusinessTally>().AsNoTracking().ToListAsync(ct);
        var storedSteps = await db.Set<StepTally>().AsNoTracking().ToListAsync(ct);
        var result = new List<TallyDifference>();
        Compare("業務", businesses.ToDictionary(t => (t.OrganizationCode, t.BusinessNumber), Describe),
            stored.ToDictionary(t => (t.OrganizationCode, t.BusinessNumber), Describe), result);
        Compare("ステップ", steps.ToDictionary(t => (t.OrganizationCode, t.StepNumber), Describe),
            storedSteps.ToDictionary(t => (t.OrganizationCode, t.StepNumber), Describe), result);
        return result;
    }

    private static void Compare(string tally, Dictionary<(string, int), string> expected, Dictionary<(string, int), string> actual, List<TallyDifference> into)
    {
        const string none = "0/0/0/0";
        foreach (var key in expected.Keys.Union(actual.Keys).Order())
        {
            // A tally row of zero counts with no change time equals no row.
            var e = expected.GetValueOrDefault(key, none);
            var a = actual.GetValueOrDefault(key, none);
            if (e != a) into.Add(new(tally, key.Item1, key.Item2, e, a));
        }
    }

    private static string Describe(BusinessTally t) =>
        $"{t.Completed}/{t.InProgress}/{t.NotStarted}/{t.NotApplicable}" + (t.LastChangedAt is { } at ? " " + at.ToString("O")[..19] : "");

    private static string Describe(StepTally t) => $"{t.Completed}/{t.InProgress}/{t.NotStarted}/{t.NotApplicable}";

    internal static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
