using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Platform.Tests.Identity;

/// <summary>ASP.NET Core Identity over the tenant-bound context, configured as the app configures it.</summary>
public sealed class UserStoreTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private ServiceProvider Services(PrefectureTenant tenant)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped(_ => _database.CreateContext(tenant));
        services.AddIdentityCore<AppUser>(o => o.User.RequireUniqueEmail = true)
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<DxCollabDbContext>()
            .AddErrorDescriber<JapaneseIdentityErrorDescriber>();
        return services.BuildServiceProvider();
    }

    private async Task<IdentityResult> Create(PrefectureTenant tenant, string email, string? role = null)
    {
        await using var sp = Services(tenant);
        await using var scope = sp.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = "職員" };
        var result = await users.CreateAsync(user);
        if (result.Succeeded && role is not null) (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return result;
    }

    [Fact]
    public async Task The_same_email_can_be_registered_in_two_prefectures()
    {
        (await Create(TestDatabase.Osaka, "shared@example.jp")).Succeeded.ShouldBeTrue();
        (await Create(TestDatabase.Kyoto, "shared@example.jp")).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task The_same_email_twice_in_one_prefecture_is_refused_in_Japanese()
    {
        (await Create(TestDatabase.Osaka, "dup@example.jp")).Succeeded.ShouldBeTrue();
        var second = await Create(TestDatabase.Osaka, "DUP@example.jp");
        second.Succeeded.ShouldBeFalse();
        second.Errors.Select(e => e.Description).ShouldContain("メールアドレス「DUP@example.jp」は既に登録されています。");
    }

    [Fact]
    public async Task A_user_of_one_prefecture_is_not_found_from_another()
    {
        await Create(TestDatabase.Osaka, "tanaka@pref.osaka.lg.jp", Roles.PrefectureAdmin);
        await using var sp = Services(TestDatabase.Kyoto);
        await using var scope = sp.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        (await users.FindByEmailAsync("tanaka@pref.osaka.lg.jp")).ShouldBeNull();
        (await users.GetUsersInRoleAsync(Roles.PrefectureAdmin)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Role_memberships_are_stamped_with_the_users_tenant()
    {
        await Create(TestDatabase.Osaka, "tanaka@pref.osaka.lg.jp", Roles.PrefectureAdmin);
        await using var db = _database.CreateContext(TestDatabase.Osaka);
        var membership = await db.UserRoles.SingleAsync();
        membership.RoleId.ShouldBe("role-prefectureadmin");
        db.Entry(membership).Property<string>(Constants.TenantIdProperty).CurrentValue.ShouldBe("osaka");
        (await db.AuditEntries.CountAsync(a => a.EntityType.Contains("IdentityUserRole"))).ShouldBe(1);
    }
}
