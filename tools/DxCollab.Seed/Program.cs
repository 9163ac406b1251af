using System.Diagnostics;
using System.Globalization;
using DxCollab.Hosting;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Tenancy;
using DxCollab.Seed;
using DxCollab.Standardization.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// A generated nation (issue #12): the 47 tenants' 団体, accounts and 標準化 figures, in bulk. See README.md.
var (options, error) = SeedOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(SeedOptions.Usage);
    return 2;
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
// The seed writes the nation only: no demo accounts or demo figures, and quiet logs (progress is printed below).
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Demo"] = "false",
    ["Logging:LogLevel:Default"] = "Warning",
    // EF logs the migrations history query of a fresh database as a failure; a real failure still ends the run with its exception.
    ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
    ["OpenTelemetry:Enabled"] = "false",
});
var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
if (database.IsEmbedded && string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("DxCollab")))
{
    Console.Error.WriteLine("データベースが設定されていません。Database__Provider と Database__ConnectionString（PostgreSQL では所有者用に " +
        "Database__MigrationsConnectionString も）を環境変数で指定してください。例: Database__Provider=Sqlite Database__ConnectionString=\"Data Source=nation.db\"");
    return 2;
}
builder.Services.AddDxCollabCore(builder.Configuration, AppContext.BaseDirectory);
using var host = builder.Build();
var services = host.Services;
var total = Stopwatch.StartNew();
var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var ct = cancel.Token;

Console.WriteLine($"DxCollab nation, seed {options.Seed}, {options.Tenants.Count} tenant(s), {database.Provider}: migrations and 団体 …");
await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
Console.WriteLine($"  database ready in {total.Elapsed.TotalSeconds:0.0} s");

var store = services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>();
var tenantScope = services.GetRequiredService<TenantScope<PrefectureTenant>>();
var scopes = services.GetRequiredService<IServiceScopeFactory>();
var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
// One hash for every account (see NationAccounts).
var passwordHash = services.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(new AppUser(), DemoData.Password);
long rows = 0, statuses = 0, accounts = 0;
var skipped = new List<string>();

for (var i = 0; i < options.Tenants.Count; i++)
{
    var id = options.Tenants[i];
    var tenant = await store.GetAsync(id) ?? throw new InvalidOperationException($"Tenant {id} is missing.");
    var watch = Stopwatch.StartNew();
    Console.Write($"[{i + 1,2}/{options.Tenants.Count}] {id,-10} ");

    // The national read model is host-level: a tenant with a database of its own writes it through the shared database.
    await using var hostScope = scopes.CreateAsyncScope();
    var national = tenant.ConnectionString is null ? null : HostContext(hostScope);
    NationTenantResult result;
    var users = 0;
    using (tenantScope.Begin(tenant, "seed"))
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
        result = await NationSeeder.SeedTenantAsync(db, options.Seed, now, ct, national);
        if (options.Users)
            users = await NationAccounts.SeedAsync(db, passwordHash, scope.ServiceProvider.GetRequiredService<ILookupNormalizer>(), options.Seed, now, ct);
    }
    var written = result.Rows + users * 2L;
    rows += written;
    statuses += result.Steps;
    accounts += users;
    var rate = written / Math.Max(watch.Elapsed.TotalSeconds, 0.001);
    Console.WriteLine(result.Skipped is { } reason
        ? $"skipped: {reason}" + (result.NationalRows > 0 ? $" (national rows refilled: {result.NationalRows:N0})" : "") + (users > 0 ? $", {users:N0} accounts added" : "")
        : $"{result.Steps,9:N0} status rows {written,9:N0} rows {users,5:N0} accounts  {watch.Elapsed.TotalSeconds,5:0.0} s {rate,9:N0} rows/s  | total {rows:N0} rows, {total.Elapsed.TotalSeconds:0.0} s elapsed");
    if (result.Skipped is not null) skipped.Add(id);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Done: {statuses:N0} status rows, {rows:N0} rows, {accounts:N0} accounts in {total.Elapsed.TotalSeconds:0.0} s ({rows / Math.Max(total.Elapsed.TotalSeconds, 0.001):N0} rows/s)."));
if (skipped.Count > 0) Console.WriteLine($"Skipped (already had statuses): {string.Join(", ", skipped)}");
if (options.Users) Console.WriteLine($"Accounts: pref.admin@{{tenant}}.{NationAccounts.Domain} and {{団体コード}}@{{tenant}}.{NationAccounts.Domain}, password {DemoData.Password}");
return 0;

// A context bound to no tenant (it binds when it is created).
DxCollabDbContext HostContext(AsyncServiceScope scope)
{
    using var _ = tenantScope.Begin(null, "seed");
    return scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
}
