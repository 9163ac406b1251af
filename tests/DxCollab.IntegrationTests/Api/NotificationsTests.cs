using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Api;

/// <summary>The inbox API on both providers: members only (401/403), each user reads and marks only their own rows.</summary>
public abstract class NotificationsTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Password = "Notifications-Test-2026!";

    /// <summary>A fresh user per test: tests of one class share the database (reset per class), so each uses its own inboxes.</summary>
    private async Task<string> NewUserAsync(string tenantId, string organizationCode, string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@{tenantId}.example";
        await App.CreateUserAsync(tenantId, email, Password, organizationCode, Roles.MunicipalOfficer);
        return email;
    }

    private Task<HttpClient> SignInAsync(string tenantId, string email) => App.SignInAsync(tenantId, email, Password);

    /// <summary>What a module or job does: notify inside the tenant's scope and save with its own DbContext.</summary>
    private async Task NotifyAsync(string tenantId, string email, params string[] titles)
    {
        var tenant = await App.Factory.Services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync(tenantId);
        using var _ = App.Factory.Services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant, "test");
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        var notifications = scope.ServiceProvider.GetRequiredService<NotificationService>();
        foreach (var title in titles)
            (await notifications.NotifyAsync([user!.Id], new NotificationMessage(NotificationCategories.Reminder, title, $"{title} の本文", $"/{tenantId}/organizations"))).ShouldBe(1);
        await scope.ServiceProvider.GetRequiredService<DxCollabDbContext>().SaveChangesAsync();
    }

    private static async Task<JsonElement> InboxAsync(HttpClient client, string tenant = "osaka") =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/{tenant}/notifications");

    private static long[] Ids(JsonElement inbox) => inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();

    [Theory]
    [InlineData("GET", "/api/v1/osaka/notifications")]
    [InlineData("POST", "/api/v1/osaka/notifications/1/read")]
    [InlineData("POST", "/api/v1/osaka/notifications/read-all")]
    public async Task Anonymous_is_401(string method, string path)
    {
        using var client = App.CreateClient();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_prefectures_user_and_a_host_user_get_403()
    {
        using var kyoto = await App.SignInAsync("kyoto", "kasagi@kyoto.example");
        using (var response = await kyoto.GetAsync("/api/v1/osaka/notifications"))
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using (var response = await kyoto.PostAsync("/api/v1/osaka/notifications/1/read", null))
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var host = await App.SignInAsync(null, "national@dxcollab.example");
        using (var response = await host.GetAsync("/api/v1/osaka/notifications"))
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_user_reads_only_their_own_notifications_newest_first()
    {
        var (toyonakaEmail, chihayaEmail, kasagiEmail) = (await NewUserAsync("osaka", "272035", "toyonaka"),
            await NewUserAsync("osaka", "273830", "chihaya"), await NewUserAsync("kyoto", "263648", "kasagi"));
        await NotifyAsync("osaka", toyonakaEmail, "豊中 1", "豊中 2");
        await NotifyAsync("osaka", chihayaEmail, "千早赤阪 1");
        await NotifyAsync("kyoto", kasagiEmail, "笠置 1");

        using var toyonaka = await SignInAsync("osaka", toyonakaEmail);
        var inbox = await InboxAsync(toyonaka);
        inbox.GetProperty("totalCount").GetInt32().ShouldBe(2);
        inbox.GetProperty("unreadCount").GetInt32().ShouldBe(2);
        var items = inbox.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("title").GetString()).ShouldBe(["豊中 2", "豊中 1"]);
        items[0].GetProperty("isRead").GetBoolean().ShouldBeFalse();
        items[0].GetProperty("link").GetString().ShouldBe("/osaka/organizations");
        items[0].GetProperty("category").GetString().ShouldBe(NotificationCategories.Reminder);

        using var kasagi = await SignInAsync("kyoto", kasagiEmail);
        (await InboxAsync(kasagi, "kyoto")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ShouldBe(["笠置 1"]);
    }

    [Fact]
    public async Task A_user_marks_their_own_notification_read_but_never_someone_elses()
    {
        var (toyonakaEmail, chihayaEmail, kasagiEmail) = (await NewUserAsync("osaka", "272035", "toyonaka"),
            await NewUserAsync("osaka", "273830", "chihaya"), await NewUserAsync("kyoto", "263648", "kasagi"));
        await NotifyAsync("osaka", toyonakaEmail, "豊中宛て");
        await NotifyAsync("osaka", chihayaEmail, "千早赤阪宛て");
        await NotifyAsync("kyoto", kasagiEmail, "笠置宛て");
        using var toyonaka = await SignInAsync("osaka", toyonakaEmail);
        using var chihaya = await SignInAsync("osaka", chihayaEmail);
        using var kasagi = await SignInAsync("kyoto", kasagiEmail);
        var toyonakasId = Ids(await InboxAsync(toyonaka)).Single();
        var kasagisId = Ids(await InboxAsync(kasagi, "kyoto")).Single();

        using (var response = await chihaya.PostAsync($"/api/v1/osaka/notifications/{toyonakasId}/read", null))
            (await response.ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("title").GetString().ShouldBe("お知らせが見つかりません。");
        // Another tenant's row, even by its id through one's own tenant's URL, is not found.
        using (var response = await toyonaka.PostAsync($"/api/v1/osaka/notifications/{kasagisId}/read", null))
            await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await InboxAsync(toyonaka)).GetProperty("unreadCount").GetInt32().ShouldBe(1);
        (await InboxAsync(kasagi, "kyoto")).GetProperty("unreadCount").GetInt32().ShouldBe(1);

        using (var response = await toyonaka.PostAsync($"/api/v1/osaka/notifications/{toyonakasId}/read", null))
            response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await InboxAsync(toyonaka);
        after.GetProperty("unreadCount").GetInt32().ShouldBe(0);
        after.GetProperty("items")[0].GetProperty("isRead").GetBoolean().ShouldBeTrue();
        after.GetProperty("items")[0].GetProperty("readAt").GetDateTime().Kind.ShouldBe(DateTimeKind.Utc);

        // Read-all touches only the caller's rows.
        using (var response = await chihaya.PostAsync("/api/v1/osaka/notifications/read-all", null))
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32().ShouldBe(1);
        (await InboxAsync(kasagi, "kyoto")).GetProperty("unreadCount").GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=101", "pageSize")]
    public async Task Bad_paging_is_400_naming_the_field(string query, string field)
    {
        using var client = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var response = await client.GetAsync("/api/v1/osaka/notifications?" + query);
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldError(field).ShouldContain("page");
    }

    [Fact]
    public async Task The_inbox_page_and_the_header_badge_show_the_unread_count()
    {
        var email = await NewUserAsync("osaka", "272035", "page");
        await NotifyAsync("osaka", email, "ページで見るお知らせ", "二つ目");
        using var client = await SignInAsync("osaka", email);
        var html = await client.GetStringAsync("/osaka/notifications");
        html.ShouldContain("ページで見るお知らせ");
        html.ShouldContain("2件未読");
        html.ShouldContain("href=\"/osaka/notifications\"");
        html.ShouldContain("name=\"__RequestVerificationToken\"");
        html.ShouldContain("未読 2 件");

        var id = Ids(await InboxAsync(client)).First();
        (await client.PostAsync($"/api/v1/osaka/notifications/{id}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetStringAsync("/osaka")).ShouldContain("1件未読");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_Notifications(SqliteAppFixture fixture) : NotificationsTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_Notifications(PostgresAppFixture fixture) : NotificationsTests(fixture);
