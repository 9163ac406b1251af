using Npgsql;

namespace DxCollab.Bench.Procurement;

/// <summary>A fresh PostgreSQL database owned by dxcollab_owner and used as dxcollab_app (row-level security on), dropped
/// at the end. Connection strings come from infra/test-env.sh.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private BenchDatabase(string admin, string name, string owner, string app) => (_admin, Name, OwnerConnection, AppConnection) = (admin, name, owner, app);

    public string Name { get; }
    public string OwnerConnection { get; }
    public string AppConnection { get; }

    public static async Task<BenchDatabase> CreateAsync(string prefix)
    {
        static string Env(string name) => Environment.GetEnvironmentVariable($"DXCOLLAB_TEST_PG_{name}")
            ?? throw new InvalidOperationException($"DXCOLLAB_TEST_PG_{name} がありません。source infra/test-env.sh の後に実行してください。");
        var (admin, owner, app) = (Env("ADMIN"), Env("OWNER"), Env("APP"));
        var name = $"{prefix}_{Guid.NewGuid():N}"[..32];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" OWNER dxcollab_owner ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync();
        }
        string For(string c) => new NpgsqlConnectionStringBuilder(c) { Database = name }.ConnectionString;
        return new BenchDatabase(admin, name, For(owner), For(app));
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "DxCollab.sln"))) return dir.FullName;
            throw new InvalidOperationException("DxCollab.sln が見つかりません。リポジトリの中でビルドして実行してください。");
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
