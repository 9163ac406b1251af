using DxCollab.Platform.Organizations;
using DxCollab.Platform.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Tests.Organizations;

public sealed class OrganizationCatalogSyncTests : IDisposable
{
    private const string FirstSource = "総務省 令和6年1月1日更新";
    private const string LaterSource = "総務省 令和8年4月1日更新";
    private static readonly DateOnly FirstDate = new(2024, 1, 1);
    private static readonly DateOnly LaterDate = new(2026, 4, 1);
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static readonly IReadOnlyList<LocalGovernmentRecord> Osaka = LocalGovernmentList.Bundled.Where(r => r.PrefectureCode == "27").ToList();

    private async Task<OrganizationSyncResult> SyncOsaka(IEnumerable<LocalGovernmentRecord> list, DateOnly on, string source, bool abolishMissing)
    {
        await using var db = _database.CreateContext(TestDatabase.Osaka);
        return await OrganizationCatalogSync.SyncAsync(db, "27", list, on, source, abolishMissing);
    }

    [Fact]
    public async Task The_first_import_creates_the_prefecture_and_its_43_municipalities_with_a_creation_record_each()
    {
        var result = await SyncOsaka(LocalGovernmentList.Bundled, FirstDate, FirstSource, abolishMissing: false);

        result.ShouldBe(new OrganizationSyncResult(44, 0, 0, 0));
        await using var db = _database.CreateContext(TestDatabase.Osaka);
        (await db.Organizations.CountAsync()).ShouldBe(44);
        (await db.Organizations.AnyAsync(o => !o.Code.StartsWith("27"))).ShouldBeFalse();
        var changes = await db.OrganizationChanges.ToListAsync();
        changes.Count.ShouldBe(44);
        changes.ShouldAllBe(c => c.Kind == OrganizationChangeKind.Created && c.Source == FirstSource && c.EffectiveOn == FirstDate);
        changes.Single(c => c.OrganizationCode == "272035").After.ShouldBe("豊中市 (中核市)");
    }

    [Fact]
    public async Task Importing_the_same_list_again_changes_nothing()
    {
        await SyncOsaka(Osaka, FirstDate, FirstSource, abolishMissing: true);
        var again = await SyncOsaka(Osaka, LaterDate, LaterSource, abolishMissing: true);

        again.ShouldBe(new OrganizationSyncResult(0, 0, 0, 44));
        await using var db = _database.CreateContext(TestDatabase.Osaka);
        (await db.Organizations.CountAsync()).ShouldBe(44);
        (await db.OrganizationChanges.CountAsync()).ShouldBe(44);
        (await db.OrganizationChanges.AnyAsync(c => c.Source == LaterSource)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_later_list_records_renames_retypes_new_bodies_and_abolitions_and_keeps_abolished_bodies()
    {
        await SyncOsaka(Osaka, FirstDate, FirstSource, abolishMissing: true);
        var later = Osaka
            .Where(r => r.Code != "272043") // 池田市 is no longer listed
            .Select(r => r.Code switch
            {
                "272035" => r with { Name = "新豊中市", Kana = "しんとよなかし" },       // renamed
                "272027" => r with { Type = OrganizationType.CoreCity },                  // 岸和田市: 市 → 中核市
                _ => r,
            })
            .Append(new LocalGovernmentRecord("273899", "27", "大阪府", "夢洲町", "ゆめしまちょう", OrganizationType.Town)) // new body
            .ToList();
        LocalGovernmentCode.IsValid("273899").ShouldBeTrue();

        var result = await SyncOsaka(later, LaterDate, LaterSource, abolishMissing: true);

        result.ShouldBe(new OrganizationSyncResult(1, 2, 1, 41));
        await using var db = _database.CreateContext(TestDatabase.Osaka);
        (await db.Organizations.CountAsync()).ShouldBe(45);

        var toyonaka = await db.Organizations.SingleAsync(o => o.Code == "272035");
        toyonaka.Name.ShouldBe("新豊中市");
        toyonaka.SearchKey.ShouldContain("しんとよなか");
        (await db.Organizations.SingleAsync(o => o.Code == "272027")).Type.ShouldBe(OrganizationType.CoreCity);
        var ikeda = await db.Organizations.SingleAsync(o => o.Code == "272043");
        ikeda.IsActive.ShouldBeFalse();
        ikeda.AbolishedOn.ShouldBe(LaterDate);
        ikeda.SuccessorCode.ShouldBeNull();

        var changes = await db.OrganizationChanges.Where(c => c.Source == LaterSource).OrderBy(c => c.OrganizationCode).ToListAsync();
        changes.Select(c => (c.OrganizationCode, c.Kind)).ShouldBe(
        [
            ("272027", OrganizationChangeKind.TypeChanged), ("272035", OrganizationChangeKind.Renamed),
            ("272043", OrganizationChangeKind.Abolished), ("273899", OrganizationChangeKind.Created),
        ]);
        changes[0].ShouldSatisfyAllConditions(c => c.Before.ShouldBe("市"), c => c.After.ShouldBe("中核市"));
        changes[1].ShouldSatisfyAllConditions(c => c.Before.ShouldBe("豊中市（とよなかし）"), c => c.After.ShouldBe("新豊中市（しんとよなかし）"));
        changes[2].ShouldSatisfyAllConditions(c => c.Before.ShouldBe("池田市"), c => c.After.ShouldBeNull());
        changes.ShouldAllBe(c => c.EffectiveOn == LaterDate);
    }

    [Fact]
    public async Task A_partial_list_without_abolishMissing_abolishes_nothing()
    {
        await SyncOsaka(Osaka, FirstDate, FirstSource, abolishMissing: false);
        var result = await SyncOsaka(Osaka.Take(3), LaterDate, LaterSource, abolishMissing: false);

        result.ShouldBe(new OrganizationSyncResult(0, 0, 0, 3));
        await using var db = _database.CreateContext(TestDatabase.Osaka);
        (await db.Organizations.CountAsync(o => o.AbolishedOn != null)).ShouldBe(0);
    }

    [Fact]
    public async Task A_successor_code_marks_a_merger_into_that_body()
    {
        await SyncOsaka(Osaka, FirstDate, FirstSource, abolishMissing: true);
        var merged = Osaka.Select(r => r.Code == "272043" ? r with { SuccessorCode = "272035" } : r).ToList();

        var result = await SyncOsaka(merged, LaterDate, LaterSource, abolishMissing: true);

        result.Changed.ShouldBe(1);
        await using var db = _database.CreateContext(TestDatabase.Osaka);
        var ikeda = await db.Organizations.SingleAsync(o => o.Code == "272043");
        ikeda.IsActive.ShouldBeFalse();
        ikeda.SuccessorCode.ShouldBe("272035");
        var change = await db.OrganizationChanges.SingleAsync(c => c.Source == LaterSource);
        change.ShouldSatisfyAllConditions(c => c.Kind.ShouldBe(OrganizationChangeKind.Abolished), c => c.Before.ShouldBe("池田市"), c => c.After.ShouldBe("合併先 272035"));

        // The same list again is not a second merger.
        (await SyncOsaka(merged, LaterDate, LaterSource, abolishMissing: true)).Changed.ShouldBe(0);
        await using var check = _database.CreateContext(TestDatabase.Osaka);
        (await check.OrganizationChanges.CountAsync(c => c.Source == LaterSource)).ShouldBe(1);
    }

    [Fact]
    public async Task A_body_listed_again_after_abolition_is_restored()
    {
        await SyncOsaka(Osaka, FirstDate, FirstSource, abolishMissing: true);
        await SyncOsaka(Osaka.Where(r => r.Code != "272043"), LaterDate, LaterSource, abolishMissing: true);
        var result = await SyncOsaka(Osaka, new DateOnly(2026, 10, 1), "訂正", abolishMissing: true);

        result.Changed.ShouldBe(1);
        await using var db = _database.CreateContext(TestDatabase.Osaka);
        (await db.Organizations.SingleAsync(o => o.Code == "272043")).IsActive.ShouldBeTrue();
        (await db.OrganizationChanges.SingleAsync(c => c.Source == "訂正")).Kind.ShouldBe(OrganizationChangeKind.Restored);
    }

    [Fact]
    public async Task Importing_into_one_tenant_leaves_other_tenants_untouched()
    {
        await SyncOsaka(LocalGovernmentList.Bundled, FirstDate, FirstSource, abolishMissing: true);
        await using (var kyoto = _database.CreateContext(TestDatabase.Kyoto))
            await OrganizationCatalogSync.SyncAsync(kyoto, "26", LocalGovernmentList.Bundled, FirstDate, FirstSource, abolishMissing: true);

        await using var osaka = _database.CreateContext(TestDatabase.Osaka);
        (await osaka.Organizations.CountAsync(o => o.AbolishedOn == null)).ShouldBe(44);
        await using var kyotoCheck = _database.CreateContext(TestDatabase.Kyoto);
        (await kyotoCheck.Organizations.CountAsync()).ShouldBe(LocalGovernmentList.Bundled.Count(r => r.PrefectureCode == "26"));
    }
}
