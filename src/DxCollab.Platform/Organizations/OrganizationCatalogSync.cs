using DxCollab.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Organizations;

public sealed record OrganizationSyncResult(int Created, int Changed, int Abolished, int Unchanged)
{
    public static readonly OrganizationSyncResult Empty = new(0, 0, 0, 0);
    public OrganizationSyncResult Add(OrganizationSyncResult other) =>
        new(Created + other.Created, Changed + other.Changed, Abolished + other.Abolished, Unchanged + other.Unchanged);
}

/// <summary>Brings one tenant's 団体 in line with a 総務省 list: new bodies are added, renamed or re-typed bodies
/// are updated, and (for a full list) bodies no longer listed are marked abolished — never deleted — each change
/// recorded in <see cref="OrganizationChange"/>. Running it twice with the same list changes nothing.</summary>
public static class OrganizationCatalogSync
{
    public static async Task<OrganizationSyncResult> SyncAsync(DxCollabDbContext db, string prefectureCode,
        IEnumerable<LocalGovernmentRecord> list, DateOnly effectiveOn, string source, bool abolishMissing, CancellationToken ct = default)
    {
        var records = list.Where(r => r.PrefectureCode == prefectureCode).ToDictionary(r => r.Code);
        var existing = await db.Organizations.ToDictionaryAsync(o => o.Code, ct);
        int created = 0, changed = 0, abolished = 0, unchanged = 0;

        foreach (var record in records.Values)
        {
            if (!existing.TryGetValue(record.Code, out var org))
            {
                org = new Organization { Code = record.Code, Name = record.Name, Kana = record.Kana, Type = record.Type };
                org.RefreshSearchKey();
                db.Organizations.Add(org);
                Record(db, org.Code, OrganizationChangeKind.Created, null, $"{record.Name} ({record.Type.ToJapanese()})", effectiveOn, source);
                created++;
                continue;
            }
            var any = false;
            if (org.Name != record.Name || org.Kana != record.Kana)
            {
                Record(db, org.Code, OrganizationChangeKind.Renamed, $"{org.Name}（{org.Kana}）", $"{record.Name}（{record.Kana}）", effectiveOn, source);
                org.Name = record.Name;
                org.Kana = record.Kana;
                org.RefreshSearchKey();
                any = true;
            }
            if (org.Type != record.Type)
            {
                Record(db, org.Code, OrganizationChangeKind.TypeChanged, org.Type.ToJapanese(), record.Type.ToJapanese(), effectiveOn, source);
                org.Type = record.Type;
                any = true;
            }
            if (!org.IsActive || record.SuccessorCode is not null)
            {
                // A listed body with a successor code is being merged; a listed abolished body is back.
                if (record.SuccessorCode is not null && org.IsActive) any |= Abolish(db, org, record.SuccessorCode, effectiveOn, source);
                else if (record.SuccessorCode is null)
                {
                    Record(db, org.Code, OrganizationChangeKind.Restored, org.AbolishedOn?.ToString("yyyy-MM-dd"), null, effectiveOn, source);
                    org.AbolishedOn = null;
                    org.SuccessorCode = null;
                    any = true;
                }
            }
            if (any) changed++; else unchanged++;
        }

        if (abolishMissing)
            foreach (var org in existing.Values.Where(o => o.IsActive && !records.ContainsKey(o.Code)))
                if (Abolish(db, org, null, effectiveOn, source)) abolished++;

        await db.SaveChangesAsync(ct);
        return new(created, changed, abolished, unchanged);
    }

    private static bool Abolish(DxCollabDbContext db, Organization org, string? successor, DateOnly effectiveOn, string source)
    {
        org.AbolishedOn = effectiveOn;
        org.SuccessorCode = successor;
        Record(db, org.Code, OrganizationChangeKind.Abolished, org.Name, successor is null ? null : $"合併先 {successor}", effectiveOn, source);
        return true;
    }

    private static void Record(DxCollabDbContext db, string code, OrganizationChangeKind kind, string? before, string? after, DateOnly on, string source) =>
        db.OrganizationChanges.Add(new OrganizationChange
        {
            OrganizationCode = code, Kind = kind, Before = before, After = after, EffectiveOn = on, Source = source,
        });
}
