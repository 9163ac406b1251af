using System.Net;
using System.Net.Http.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Tenancy;
using DxCollab.Standardization.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Standardization;

/// <summary>The prefecture's 標準化 settings: defaults until saved, one row per tenant, ranges checked in Japanese,
/// only the PrefectureAdmin changes them, and one prefecture's settings never touch another's.</summary>
public abstract class MigrationSettingsTests(AppFixture fixture) : AppTest(fixture)
{
    private record Settings(int StalledAfterWeeks, int EscalationAfterBusinessDays, int MonthlyRequestBusinessDay, DateTime? UpdatedAt, string? UpdatedBy);

    private const string Path = "/api/v1/osaka/migration/settings";

    [Fact]
    public async Task The_admin_saves_twice_into_one_row_and_kyoto_keeps_its_defaults()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var defaults = (await admin.GetFromJsonAsync<Settings>(Path))!;
        (defaults.StalledAfterWeeks, defaults.EscalationAfterBusinessDays, defaults.MonthlyRequestBusinessDay, defaults.UpdatedAt).ShouldBe((8, 5, 10, (DateTime?)null));

        (await admin.PutAsJsonAsync(Path, new { stalledAfterWeeks = 4, escalationAfterBusinessDays = 3, monthlyRequestBusinessDay = 5 })).EnsureSuccessStatusCode();
        using var second = await admin.PutAsJsonAsync(Path, new { stalledAfterWeeks = 52, escalationAfterBusinessDays = 60, monthlyRequestBusinessDay = 15 });
        second.StatusCode.ShouldBe(HttpStatusCode.OK, await second.Content.ReadAsStringAsync());
        var saved = (await admin.GetFromJsonAsync<Settings>(Path))!;
        (saved.StalledAfterWeeks, saved.EscalationAfterBusinessDays, saved.MonthlyRequestBusinessDay).ShouldBe((52, 60, 15));
        saved.UpdatedBy.ShouldBe("pref.admin@osaka.example");
        (await CountRowsAsync("osaka")).ShouldBe(1);

        using var kyoto = await App.SignInAsync("kyoto", "pref.admin@kyoto.example");
        (await kyoto.GetFromJsonAsync<Settings>("/api/v1/kyoto/migration/settings"))!.StalledAfterWeeks.ShouldBe(8);
        (await CountRowsAsync("kyoto")).ShouldBe(0);
        (await kyoto.PutAsJsonAsync(Path, new { stalledAfterWeeks = 1, escalationAfterBusinessDays = 1, monthlyRequestBusinessDay = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetFromJsonAsync<Settings>(Path))!.StalledAfterWeeks.ShouldBe(52);
    }

    [Theory]
    [InlineData("""{"stalledAfterWeeks":0,"escalationAfterBusinessDays":5,"monthlyRequestBusinessDay":10}""", "stalledAfterWeeks", "1〜52")]
    [InlineData("""{"stalledAfterWeeks":53,"escalationAfterBusinessDays":5,"monthlyRequestBusinessDay":10}""", "stalledAfterWeeks", "1〜52")]
    [InlineData("""{"stalledAfterWeeks":8,"escalationAfterBusinessDays":61,"monthlyRequestBusinessDay":10}""", "escalationAfterBusinessDays", "1〜60")]
    [InlineData("""{"stalledAfterWeeks":8,"escalationAfterBusinessDays":5,"monthlyRequestBusinessDay":16}""", "monthlyRequestBusinessDay", "1〜15")]
    [InlineData("""{"stalledAfterWeeks":8,"escalationAfterBusinessDays":5}""", "monthlyRequestBusinessDay", "入力してください")]
    public async Task Out_of_range_values_are_a_400_in_japanese_and_change_nothing(string body, string field, string expected)
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var before = (await admin.GetFromJsonAsync<Settings>(Path))!;
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await admin.PutAsync(Path, content);
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError(field).ShouldContain(expected);
        (await admin.GetFromJsonAsync<Settings>(Path))!.ShouldBe(before);
    }

    [Fact]
    public async Task Municipal_officers_neither_read_nor_change_the_settings()
    {
        using var officer = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        (await officer.GetAsync(Path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PutAsJsonAsync(Path, new { stalledAfterWeeks = 1, escalationAfterBusinessDays = 1, monthlyRequestBusinessDay = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<int> CountRowsAsync(string tenantId)
    {
        var services = App.Factory.Services;
        var tenant = await services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync(tenantId);
        using var _ = services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "test");
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DxCollabDbContext>().Set<MigrationSettings>().CountAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_MigrationSettings(SqliteAppFixture fixture) : MigrationSettingsTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_MigrationSettings(PostgresAppFixture fixture) : MigrationSettingsTests(fixture);
