using DxCollab.MultiTenancy;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Hosting;

/// <summary>A module's demo figures for one demo tenant (osaka, kyoto), run inside that tenant's scope after the demo
/// accounts exist, after the contributors it names in <see cref="RunsAfter"/> (otherwise in registration order).
/// Must be idempotent: it runs at every start in demo mode.</summary>
public interface IDemoDataContributor
{
    /// <summary>Contributor types whose data this one builds on (e.g. snapshots after the statuses they roll back).
    /// A type that is not registered (or not included in this run) is ignored.</summary>
    IReadOnlyCollection<Type> RunsAfter => [];

    Task SeedAsync(PrefectureTenant tenant, IServiceProvider services, CancellationToken ct);
}

/// <summary>Demo accounts and the modules' demo figures, seeded only in demo mode (no connection string configured).
/// Idempotent.</summary>
public sealed class DemoData(IServiceScopeFactory scopes, IMultiTenantStore<PrefectureTenant> store, TenantScope<PrefectureTenant> tenantScope,
    IOptions<DatabaseOptions> options, ILogger<DemoData> logger)
{
    /// <summary>The prefectures whose figures the demo fills in.</summary>
    public static readonly IReadOnlyList<string> Tenants = ["osaka", "kyoto"];

    public const string Password = "Demo-2026!";

    public sealed record DemoUser(string TenantId, string Email, string DisplayName, string? OrganizationCode, string Role);

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("osaka", "pref.admin@osaka.example", "大阪府 DX推進課 管理者", "270008", Roles.PrefectureAdmin),
        new("osaka", "toyonaka@osaka.example", "豊中市 情報政策課", "272035", Roles.MunicipalOfficer),
        new("osaka", "chihayaakasaka@osaka.example", "千早赤阪村 総務課", "273830", Roles.MunicipalOfficer),
        new("osaka", "expert.tanaka@osaka.example", "田中 健一（人材プール）", null, Roles.Expert),
        new("kyoto", "pref.admin@kyoto.example", "京都府 デジタル政策推進課 管理者", "260002", Roles.PrefectureAdmin),
        new("kyoto", "kasagi@kyoto.example", "笠置町 総務財政課", "263648", Roles.MunicipalOfficer),
        new(PrefectureCatalog.HostTenantId, "national@dxcollab.example", "国 閲覧者", null, Roles.NationalViewer),
        new(PrefectureCatalog.HostTenantId, "ops@dxcollab.example", "システム運用", null, Roles.SystemAdmin),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var demo in Users)
        {
            var tenant = demo.TenantId == PrefectureCatalog.HostTenantId ? PrefectureCatalog.Host : await store.GetAsync(demo.TenantId);
            using var _ = tenantScope.Begin(tenant, "seed");
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByEmailAsync(demo.Email) is not null) continue;
            var user = new AppUser
            {
                UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, DisplayName = demo.DisplayName,
                OrganizationCode = demo.OrganizationCode,
            };
            Check(await users.CreateAsync(user, Password), demo.Email);
            Check(await users.AddToRoleAsync(user, demo.Role), demo.Email);
        }
        if (options.Value.DemoFigures) await SeedFiguresAsync(_ => true, ct);
        logger.LogWarning("Demo mode: demo accounts are active (password {Password}): {Accounts}", Password,
            string.Join(", ", Users.Select(u => u.Email)));
    }

    /// <summary>The modules' demo figures in every demo tenant, limited to the contributors <paramref name="include"/>
    /// accepts (tests seed one module's figures on hosts that start without them).</summary>
    public async Task SeedFiguresAsync(Func<IDemoDataContributor, bool> include, CancellationToken ct = default)
    {
        foreach (var id in Tenants)
        {
            var tenant = await store.GetAsync(id) ?? throw new InvalidOperationException($"Demo tenant {id} is missing.");
            using var _ = tenantScope.Begin(tenant, "seed");
            await using var order = scopes.CreateAsyncScope();
            foreach (var type in order.ServiceProvider.GetServices<IDemoDataContributor>().Where(include).InRunOrder().Select(c => c.GetType()))
            {
                // A scope (and DbContext) per contributor: one that tracked 27,000 statuses made every later save
                // compare them all again.
                await using var scope = scopes.CreateAsyncScope();
                var contributor = scope.ServiceProvider.GetServices<IDemoDataContributor>().Single(c => c.GetType() == type);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await contributor.SeedAsync(tenant, scope.ServiceProvider, ct);
                logger.LogDebug("Demo data {Contributor} for {Tenant} in {Seconds:0.00} s", contributor.GetType().Name, id,
                    System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Demo user {email}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
