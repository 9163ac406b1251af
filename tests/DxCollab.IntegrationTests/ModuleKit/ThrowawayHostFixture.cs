using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Modules;
using DxCollab.Platform.Data;
using DxCollab.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DxCollab.IntegrationTests.ModuleKit;

/// <summary>The web host as Program builds it, plus the throwaway module, on SQLite in a temp folder. The module has no
/// migrations (it is not in ModuleCatalog), so the schema is created from the model, as a new module's would be before
/// <c>infra/add-migration.sh</c>.</summary>
public sealed class ThrowawayHostFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dxcollab-throwaway-").FullName;
    public WebApplication App { get; private set; } = null!;
    public IServiceProvider Services => App.Services;
    public string ConnectionString => $"Data Source={Path.Combine(_folder, "app.db")}";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(Program).Assembly.GetName().Name, EnvironmentName = DxCollabFactory.Environment,
        });
        var settings = DxCollabFactory.BaseSettings(_folder);
        settings["Database:Provider"] = "Sqlite";
        settings["Database:ConnectionString"] = ConnectionString;
        settings["Database:ApplyMigrationsOnStart"] = "false";
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseTestServer();

        // The one line: the catalog's modules and the new one.
        builder.AddDxCollab([.. ModuleCatalog.Modules, new ThrowawayModule.ThrowawayModule()]);

        App = builder.Build();
        App.UseDxCollab();
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DxCollabDbContext>().Database.EnsureCreatedAsync();
        await App.InitializeDxCollabAsync();
        await App.StartAsync();
    }

    public HttpClient CreateClient() => App.GetTestClient();

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

// Alone, like the other hosts that are started and disposed beside Hangfire's static log provider.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThrowawayHostCollection : ICollectionFixture<ThrowawayHostFixture>
{
    public const string Name = "throwaway-module";
}
