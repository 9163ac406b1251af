using System.Net.Http.Headers;
using System.Net.Http.Json;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Infrastructure;

/// <summary>One started web host per provider, shared by the test classes of a collection (start-ups are the
/// slow part: migrations plus 1,700-odd 団体 over 47 tenants). <see cref="BeginTestClassAsync"/> resets the
/// user-created data when a new test class starts, so classes do not see each other's users or audit entries.</summary>
public abstract class AppFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Type? _currentClass;

    protected string TempFolder { get; } = Directory.CreateTempSubdirectory("dxcollab-it-").FullName;
    public DxCollabFactory Factory { get; private set; } = null!;
    public abstract string Provider { get; }

    /// <summary>Prepares the database(s) and returns the host's settings.</summary>
    protected abstract Task<Dictionary<string, string?>> PrepareAsync();

    /// <summary>What a reset keeps on every provider: the migrations history, 団体 and their history (loaded once at
    /// start-up, read-only for tests), role claims, data-protection keys (the running host caches its key ring), and
    /// every table the model seeds (reference data, roles), found from the model so a module's reference tables stay
    /// too. Every other table, a module's new ones included, is emptied.</summary>
    public IReadOnlyList<string> TablesToKeep()
    {
        using var scope = Factory.Services.CreateScope();
        // Seed data lives only in the design-time model, not in the read-optimized one queries use.
        var model = scope.ServiceProvider.GetRequiredService<Platform.Data.DxCollabDbContext>().GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
        var seeded = model.GetEntityTypes().Where(e => e.GetSeedData().Any()).Select(e => e.GetTableName()).OfType<string>();
        return [.. new[] { "__EFMigrationsHistory", "Platform_Organizations", "Platform_OrganizationChanges", "Platform_DataProtectionKeys",
            "Identity_RoleClaims" }.Concat(seeded).Distinct()];
    }

    /// <summary>Deletes user-created data (not migrations, reference data, roles or 団体).</summary>
    protected abstract Task ResetDataAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        var settings = await PrepareAsync();
        Factory = new DxCollabFactory(settings, ConfigureTestServices);
        _ = Factory.Server; // start now: migrations, 団体, demo users
        await AfterStartAsync();
    }

    protected virtual Task AfterStartAsync() => Task.CompletedTask;

    /// <summary>Services a fixture of its own replaces in its host (none in the shared fixtures).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services) { }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await CleanUpAsync();
        try { Directory.Delete(TempFolder, recursive: true); } catch (IOException) { }
    }

    /// <summary>Called by every test (xunit makes a class instance per test); resets once per test class.
    /// Test classes of one collection run one after the other, so "another class than last time" means a new class.</summary>
    public async Task BeginTestClassAsync(Type testClass)
    {
        await _gate.WaitAsync();
        try
        {
            if (_currentClass == testClass) return;
            if (_currentClass is not null)
            {
                await ResetDataAsync();
                // Demo users are re-created after every reset, so every class starts with the same eight accounts.
                await Factory.Services.GetRequiredService<DemoData>().SeedAsync();
            }
            _currentClass = testClass;
        }
        finally { _gate.Release(); }
    }

    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Signs in through the API (tenant null = host-level sign-in) and returns a client that sends the token.</summary>
    public async Task<HttpClient> SignInAsync(string? tenant, string email, string password = DemoData.Password)
    {
        var client = CreateClient();
        var token = await GetTokenAsync(client, tenant, email, password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> GetTokenAsync(HttpClient client, string? tenant, string email, string password = DemoData.Password)
    {
        using var response = await client.PostAsJsonAsync(LoginPath(tenant), new { email, password });
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"sign-in of {email} to {tenant ?? "host"} failed: {(int)response.StatusCode} {body}");
        var token = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString();
        token.ShouldNotBeNullOrEmpty();
        return token!;
    }

    public static string LoginPath(string? tenant) => tenant is null ? "/api/v1/auth/login" : $"/api/v1/{tenant}/auth/login";

    /// <summary>Creates a user the way an administrator would: UserManager inside the tenant's scope.</summary>
    public async Task CreateUserAsync(string tenantId, string email, string password, string? organizationCode, string role)
    {
        var store = Factory.Services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>();
        var tenant = await store.GetAsync(tenantId) ?? throw new InvalidOperationException($"no tenant {tenantId}");
        using var _ = Factory.Services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "test");
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"テスト利用者 ({tenantId})", OrganizationCode = organizationCode,
        };
        var created = await users.CreateAsync(user, password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
    }

    /// <summary>What a PrefectureAdmin's 「無効にする」 does, run directly in the tenant.</summary>
    public async Task DeactivateUserAsync(string tenantId, string email)
    {
        var tenant = await Factory.Services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync(tenantId);
        using var _ = Factory.Services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "test");
        await using var scope = Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        var result = await scope.ServiceProvider.GetRequiredService<Platform.Users.UserAdministration>().SetActiveAsync(user!.Id, false, "admin");
        result.Succeeded.ShouldBeTrue();
    }
}

/// <summary>Base of every test class that runs against a shared fixture: resets data when a new class begins.</summary>
public abstract class AppTest(AppFixture fixture) : IAsyncLifetime
{
    protected AppFixture App { get; } = fixture;

    public virtual Task InitializeAsync() => App.BeginTestClassAsync(GetType());
    public virtual Task DisposeAsync() => Task.CompletedTask;
}
