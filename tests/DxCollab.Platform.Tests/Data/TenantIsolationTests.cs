using DxCollab.MultiTenancy;
using DxCollab.MultiTenancy.EntityFrameworkCore;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Platform.Tests.Data;

public sealed class TenantIsolationTests : IDisposable
{
    private static readonly PrefectureTenant Osaka = TestDatabase.Osaka;
    private static readonly PrefectureTenant Kyoto = TestDatabase.Kyoto;
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private void Seed()
    {
        using (var osaka = _database.CreateContext(Osaka))
        {
            osaka.Organizations.AddRange(Make.Organization("270008", "大阪府", "おおさかふ", OrganizationType.Prefecture),
                Make.Organization("272035", "豊中市", "とよなかし", OrganizationType.CoreCity));
            osaka.Users.Add(Make.User("tanaka@pref.osaka.lg.jp", "270008"));
            osaka.SaveChanges();
        }
        using var kyoto = _database.CreateContext(Kyoto);
        kyoto.Organizations.Add(Make.Organization("260002", "京都府", "きょうとふ", OrganizationType.Prefecture));
        kyoto.Users.Add(Make.User("suzuki@pref.kyoto.lg.jp", "260002"));
        kyoto.SaveChanges();
    }

    [Fact]
    public void A_tenant_sees_only_its_own_organizations_users_changes_and_audit_entries()
    {
        Seed();
        using var osaka = _database.CreateContext(Osaka);
        osaka.Organizations.Select(o => o.Name).OrderBy(n => n).ToList().ShouldBe(["大阪府", "豊中市"]);
        osaka.Organizations.Count().ShouldBe(2);
        osaka.Users.Select(u => u.Email).ToList().ShouldBe(["tanaka@pref.osaka.lg.jp"]);
        osaka.AuditEntries.Count().ShouldBe(3);
        osaka.AuditEntries.ShouldAllBe(a => a.TenantId == "osaka");

        using var kyoto = _database.CreateContext(Kyoto);
        kyoto.Organizations.Count().ShouldBe(1);
        kyoto.Organizations.Any(o => o.Code == "272035").ShouldBeFalse();
        kyoto.Users.Count().ShouldBe(1);
        kyoto.AuditEntries.Count().ShouldBe(2);
    }

    [Fact]
    public void Looking_up_another_tenants_row_by_key_finds_nothing()
    {
        Seed();
        int toyonakaId;
        using (var osaka = _database.CreateContext(Osaka)) toyonakaId = osaka.Organizations.Single(o => o.Code == "272035").Id;
        using var kyoto = _database.CreateContext(Kyoto);
        kyoto.Organizations.FirstOrDefault(o => o.Id == toyonakaId).ShouldBeNull();
        kyoto.Users.FirstOrDefault(u => u.NormalizedEmail == "TANAKA@PREF.OSAKA.LG.JP").ShouldBeNull();
    }

    [Fact]
    public void Identity_join_rows_are_filtered_by_tenant_too()
    {
        Seed();
        using (var osaka = _database.CreateContext(Osaka))
        {
            var user = osaka.Users.Single();
            osaka.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = "role-prefectureadmin" });
            osaka.UserClaims.Add(new IdentityUserClaim<string> { UserId = user.Id, ClaimType = "x", ClaimValue = "y" });
            osaka.UserTokens.Add(new IdentityUserToken<string> { UserId = user.Id, LoginProvider = "p", Name = "n", Value = "secret" });
            osaka.SaveChanges();
            osaka.Entry(osaka.UserRoles.Single()).Property<string>("TenantId").CurrentValue.ShouldBe("osaka");
        }
        using var kyoto = _database.CreateContext(Kyoto);
        kyoto.UserRoles.Count().ShouldBe(0);
        kyoto.UserClaims.Count().ShouldBe(0);
        kyoto.UserTokens.Count().ShouldBe(0);
        kyoto.UserRoles.IgnoreQueryFilters([Constants.TenantQueryFilter]).Count().ShouldBe(1);
    }

    [Fact]
    public void Without_a_tenant_no_tenant_owned_rows_are_visible()
    {
        Seed();
        using var none = _database.CreateContext((PrefectureTenant?)null);
        none.Organizations.Count().ShouldBe(0);
        none.Users.Count().ShouldBe(0);
        none.AuditEntries.Count().ShouldBe(0);
        none.OrganizationChanges.Count().ShouldBe(0);
        // Shared reference data is not tenant-owned and stays visible.
        none.StandardBusinesses.Count().ShouldBe(20);
        none.Roles.Count().ShouldBe(6);
    }

    [Fact]
    public void Without_a_tenant_saving_a_tenant_owned_row_is_refused()
    {
        using var none = _database.CreateContext((PrefectureTenant?)null);
        none.Organizations.Add(Make.Organization("272035", "豊中市"));
        Should.Throw<MultiTenantException>(() => none.SaveChanges()).Message.ShouldContain("テナントが設定されていません");
    }

    [Fact]
    public void Added_rows_are_stamped_with_the_current_tenant()
    {
        using var osaka = _database.CreateContext(Osaka);
        var org = Make.Organization("272035", "豊中市");
        var user = Make.User("a@example.jp");
        osaka.AddRange(org, user);
        osaka.SaveChanges();
        org.TenantId.ShouldBe("osaka");
        user.TenantId.ShouldBe("osaka");
    }

    [Fact]
    public void Adding_a_row_for_another_tenant_is_refused()
    {
        using var osaka = _database.CreateContext(Osaka);
        var org = Make.Organization("260002", "京都府");
        org.TenantId = "kyoto";
        osaka.Organizations.Add(org);
        Should.Throw<MultiTenantException>(() => osaka.SaveChanges()).Message.ShouldContain("kyoto");
        using var kyoto = _database.CreateContext(Kyoto);
        kyoto.Organizations.Count().ShouldBe(0);
    }

    [Fact]
    public void Modifying_another_tenants_row_is_refused()
    {
        Seed();
        Organization kyotoPrefecture;
        using (var kyoto = _database.CreateContext(Kyoto)) kyotoPrefecture = kyoto.Organizations.AsNoTracking().Single();

        using var osaka = _database.CreateContext(Osaka);
        osaka.Organizations.Attach(kyotoPrefecture);
        kyotoPrefecture.Name = "乗っ取り府";
        Should.Throw<MultiTenantException>(() => osaka.SaveChanges());

        using var check = _database.CreateContext(Kyoto);
        check.Organizations.Single().Name.ShouldBe("京都府");
    }

    [Fact]
    public void Deleting_another_tenants_row_is_refused()
    {
        Seed();
        Organization kyotoPrefecture;
        using (var kyoto = _database.CreateContext(Kyoto)) kyotoPrefecture = kyoto.Organizations.AsNoTracking().Single();

        using var osaka = _database.CreateContext(Osaka);
        osaka.Organizations.Remove(kyotoPrefecture);
        Should.Throw<MultiTenantException>(() => osaka.SaveChanges());

        using var check = _database.CreateContext(Kyoto);
        check.Organizations.Count().ShouldBe(1);
    }

    [Fact]
    public void Moving_a_row_to_another_tenant_is_refused()
    {
        Seed();
        using var osaka = _database.CreateContext(Osaka);
        var toyonaka = osaka.Organizations.Single(o => o.Code == "272035");
        toyonaka.TenantId = "kyoto";
        Should.Throw<MultiTenantException>(() => osaka.SaveChanges());

        using var kyoto = _database.CreateContext(Kyoto);
        kyoto.Organizations.Any(o => o.Code == "272035").ShouldBeFalse();
    }

    [Fact]
    public void Moving_a_row_by_changing_a_shadow_TenantId_is_refused()
    {
        Seed();
        using (var osaka = _database.CreateContext(Osaka))
        {
            osaka.UserRoles.Add(new IdentityUserRole<string> { UserId = osaka.Users.Single().Id, RoleId = "role-expert" });
            osaka.SaveChanges();
        }
        using var again = _database.CreateContext(Osaka);
        var role = again.UserRoles.Single();
        again.Entry(role).Property<string>("TenantId").CurrentValue = "kyoto";
        Should.Throw<MultiTenantException>(() => again.SaveChanges());
    }

    [Fact]
    public void A_tenant_cannot_modify_a_row_it_claims_by_rewriting_the_TenantId_to_its_own()
    {
        Seed();
        Organization kyotoPrefecture;
        using (var kyoto = _database.CreateContext(Kyoto)) kyotoPrefecture = kyoto.Organizations.AsNoTracking().Single();

        using var osaka = _database.CreateContext(Osaka);
        osaka.Organizations.Attach(kyotoPrefecture);
        kyotoPrefecture.TenantId = "osaka";
        Should.Throw<MultiTenantException>(() => osaka.SaveChanges());
    }

    [Fact]
    public void The_same_email_and_the_same_organization_code_may_exist_in_two_tenants()
    {
        using (var osaka = _database.CreateContext(Osaka))
        {
            osaka.AddRange(Make.Organization("272035", "豊中市"), Make.User("shared@example.jp"));
            osaka.SaveChanges();
        }
        using var kyoto = _database.CreateContext(Kyoto);
        kyoto.AddRange(Make.Organization("272035", "豊中市"), Make.User("shared@example.jp"));
        Should.NotThrow(() => kyoto.SaveChanges());
        kyoto.Organizations.IgnoreQueryFilters([Constants.TenantQueryFilter]).Count(o => o.Code == "272035").ShouldBe(2);
    }

    [Fact]
    public void The_same_organization_code_cannot_exist_twice_in_one_tenant()
    {
        using (var osaka = _database.CreateContext(Osaka))
        {
            osaka.Organizations.Add(Make.Organization("272035", "豊中市"));
            osaka.SaveChanges();
        }
        using var again = _database.CreateContext(Osaka);
        again.Organizations.Add(Make.Organization("272035", "豊中市"));
        Should.Throw<DbUpdateException>(() => again.SaveChanges());
    }

    [Fact]
    public void The_same_email_cannot_exist_twice_in_one_tenant()
    {
        using (var osaka = _database.CreateContext(Osaka))
        {
            osaka.Users.Add(Make.User("dup@example.jp"));
            osaka.SaveChanges();
        }
        using var again = _database.CreateContext(Osaka);
        again.Users.Add(Make.User("dup@example.jp"));
        Should.Throw<DbUpdateException>(() => again.SaveChanges());
    }

    [Fact]
    public async Task A_context_built_before_a_tenant_switch_stays_on_its_own_tenant()
    {
        Seed();
        var accessor = new AsyncLocalMultiTenantContextAccessor<PrefectureTenant>();
        var scope = new TenantScope<PrefectureTenant>(accessor, accessor);
        await Task.Yield();

        using (scope.Begin(Osaka))
        {
            await using var osakaContext = _database.CreateContext(accessor);
            using (scope.Begin(Kyoto))
            {
                await using var kyotoContext = _database.CreateContext(accessor);
                (await osakaContext.Organizations.CountAsync()).ShouldBe(2);
                (await kyotoContext.Organizations.CountAsync()).ShouldBe(1);

                osakaContext.Organizations.Add(Make.Organization("271004", "大阪市"));
                await osakaContext.SaveChangesAsync();
            }
            osakaContext.Organizations.Single(o => o.Code == "271004").TenantId.ShouldBe("osaka");
        }
    }

    [Fact]
    public void Ignoring_the_tenant_filter_shows_every_tenants_rows()
    {
        Seed();
        using var osaka = _database.CreateContext(Osaka);
        osaka.Organizations.IgnoreQueryFilters([Constants.TenantQueryFilter]).Select(o => o.TenantId).Distinct().OrderBy(t => t).ToList()
            .ShouldBe(["kyoto", "osaka"]);
        osaka.Users.IgnoreQueryFilters([Constants.TenantQueryFilter]).Count().ShouldBe(2);
        osaka.AuditEntries.IgnoreQueryFilters([Constants.TenantQueryFilter]).Count().ShouldBe(5);
    }

    [Fact]
    public void Every_tenant_owned_entity_type_is_filtered_and_its_unique_indexes_include_TenantId()
    {
        using var db = _database.CreateContext(Osaka);
        ModelAssertions.TenantOwnedTypesAreIsolated(db.Model);
    }
}
