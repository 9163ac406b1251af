using DxCollab.Platform.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DxCollab.Platform.Tests.Files;

/// <summary>An operator's Files:Purposes settings override what the module declared.</summary>
public sealed class UploadPurposeTests
{
    private static UploadPolicy Policy(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddUploadPurpose("workbook", p => { p.MaxFileBytes = 20 * 1024 * 1024; p.Extensions = [".xlsx", ".csv"]; });
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptionsMonitor<UploadPolicy>>().Get("workbook");
    }

    [Fact]
    public void Without_settings_the_module_defaults_hold()
    {
        var policy = Policy([]);
        policy.Extensions.ShouldBe([".xlsx", ".csv"]);
        policy.MaxFileBytes.ShouldBe(20 * 1024 * 1024);
    }

    [Fact]
    public void Configured_kinds_replace_the_defaults_instead_of_adding_to_them()
    {
        var policy = Policy(new() { ["Files:Purposes:workbook:Extensions:0"] = ".csv", ["Files:Purposes:workbook:MaxFileBytes"] = "1048576" });
        policy.Extensions.ShouldBe([".csv"]);
        policy.Allows("進捗.xlsx").ShouldBeFalse();
        policy.Allows("進捗.csv").ShouldBeTrue();
        policy.MaxFileBytes.ShouldBe(1024 * 1024);
    }
}
