using System.Globalization;
using DxCollab.Platform.Tenancy;

namespace DxCollab.Seed;

/// <summary>The command line: <c>nation [--seed N] [--tenants a,b] [--no-users]</c>.</summary>
public sealed record SeedOptions(int Seed, IReadOnlyList<string> Tenants, bool Users)
{
    public const string Usage = """
        使い方: dotnet run -c Release --project tools/DxCollab.Seed -- nation [--seed N] [--tenants osaka,kyoto] [--no-users]
          --seed N       乱数の種（既定 1、0 以上の整数）。同じ種なら同じデータになります。
          --tenants a,b  投入する都道府県（ローマ字 ID、カンマ区切り。既定: 47 都道府県すべて）
          --no-users     利用者（都道府県管理者・市区町村担当者）を作りません
        データベースは Web アプリと同じ設定から: Database__Provider, Database__ConnectionString, Database__MigrationsConnectionString
        """;

    /// <summary>The options, or the message that says what is wrong with them.</summary>
    public static (SeedOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] != "nation")
            return (null, args.Count == 0 ? "コマンドを指定してください（nation）。" : $"不明なコマンドです: {args[0]}（使えるのは nation だけです）。");
        int seed = 1;
        IReadOnlyList<string> tenants = PrefectureCatalog.Identifiers;
        var users = true;
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--seed":
                    if (i + 1 >= args.Count || !int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out seed))
                        return (null, "--seed には 0 以上の整数を指定してください。");
                    break;
                case "--tenants":
                    if (i + 1 >= args.Count) return (null, "--tenants には都道府県のローマ字 ID をカンマ区切りで指定してください（例: osaka,kyoto）。");
                    var named = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(t => t.ToLowerInvariant()).Distinct().ToList();
                    var unknown = named.Where(t => !PrefectureCatalog.Identifiers.Contains(t)).ToList();
                    if (named.Count == 0 || unknown.Count > 0)
                        return (null, $"不明な都道府県 ID です: {string.Join(", ", unknown.DefaultIfEmpty("(なし)"))}。使えるのは hokkaido … okinawa の 47 個です。");
                    // JIS order, whatever order they were named in.
                    tenants = [.. PrefectureCatalog.Identifiers.Where(named.Contains)];
                    break;
                case "--no-users":
                    users = false;
                    break;
                default:
                    return (null, $"不明なオプションです: {args[i]}");
            }
        }
        return (new SeedOptions(seed, tenants, users), null);
    }
}
