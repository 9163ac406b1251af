using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;

namespace DxCollab.IntegrationTests.Api;

/// <summary>What a user of one prefecture can and cannot reach, on both providers: the tenancy middleware refuses
/// before any handler runs, sign-in only finds the tenant's own accounts, errors are ProblemDetails in Japanese.</summary>
public abstract class TenantIsolationTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Password = "Isolation-Test-2026!";

    [Theory]
    [InlineData("/api/v1/kyoto/organizations")]
    [InlineData("/api/v1/kyoto/organizations/260002")]
    [InlineData("/api/v1/kyoto/me")]
    public async Task Osaka_token_on_a_kyoto_route_is_403(string path)
    {
        using var client = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var response = await client.GetAsync(path);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.Detail().ShouldNotBeNull().ShouldContain("この都道府県のデータ");
    }

    [Fact]
    public async Task Osaka_admin_cannot_read_kyoto_audit()
    {
        using var client = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using var response = await client.GetAsync("/api/v1/kyoto/audit");
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unknown_tenant_is_404_naming_it()
    {
        using var client = App.CreateClient();
        using var response = await client.GetAsync("/api/v1/atlantis/organizations");
        (await response.ShouldBeProblemAsync(HttpStatusCode.NotFound)).Detail().ShouldNotBeNull().ShouldContain("「atlantis」");
    }

    [Fact]
    public async Task Reserved_host_tenant_cannot_be_named_in_a_url()
    {
        using var client = await App.SignInAsync(null, "ops@dxcollab.example");
        using var response = await client.GetAsync("/api/v1/_host/organizations");
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Host_user_on_a_tenant_route_is_403()
    {
        using var client = await App.SignInAsync(null, "national@dxcollab.example");
        using var response = await client.GetAsync("/api/v1/osaka/organizations");
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Tenant_user_on_the_host_level_me_is_403()
    {
        using var client = await App.SignInAsync("osaka", "toyonaka@osaka.example");
        using var response = await client.GetAsync("/api/v1/me");
        (await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).Detail().ShouldNotBeNull().ShouldContain("国・システム運用");
    }

    [Fact]
    public async Task Tenant_user_cannot_sign_in_at_host_level_nor_in_another_prefecture()
    {
        using var client = App.CreateClient();
        using var host = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "toyonaka@osaka.example", password = Platform.Hosting.DemoData.Password });
        await host.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        using var kyoto = await client.PostAsJsonAsync("/api/v1/kyoto/auth/login", new { email = "toyonaka@osaka.example", password = Platform.Hosting.DemoData.Password });
        await kyoto.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/v1/osaka/organizations")]
    [InlineData("/api/v1/osaka/me")]
    [InlineData("/api/v1/osaka/audit")]
    [InlineData("/api/v1/me")]
    public async Task Anonymous_is_401(string path)
    {
        using var client = App.CreateClient();
        using var response = await client.GetAsync(path);
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Invalid_token_is_401()
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        using var response = await client.GetAsync("/api/v1/osaka/organizations");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_password_is_401_problem_in_japanese()
    {
        using var client = App.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/osaka/auth/login", new { email = "toyonaka@osaka.example", password = "Wrong-Password-1" });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        problem.GetProperty("title").GetString().ShouldBe("ログインできませんでした。");
        problem.Detail().ShouldNotBeNull().ShouldContain("正しくありません");
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        var email = $"lockout-{Guid.NewGuid():N}@osaka.example";
        await App.CreateUserAsync("osaka", email, Password, "272035", "MunicipalOfficer");
        using var client = App.CreateClient();
        for (var i = 1; i <= 4; i++)
        {
            using var failed = await client.PostAsJsonAsync("/api/v1/osaka/auth/login", new { email, password = "Wrong-Password-1" });
            (await failed.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).Detail().ShouldNotBeNull().ShouldContain("正しくありません");
        }
        using var fifth = await client.PostAsJsonAsync("/api/v1/osaka/auth/login", new { email, password = "Wrong-Password-1" });
        (await fifth.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).Detail().ShouldNotBeNull().ShouldContain("ロック");
        using var right = await client.PostAsJsonAsync("/api/v1/osaka/auth/login", new { email, password = Password });
        (await right.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).Detail().ShouldNotBeNull().ShouldContain("ロック");
    }

    [Fact]
    public async Task Same_email_in_osaka_and_kyoto_are_two_accounts_each_seeing_only_its_prefecture()
    {
        var email = $"shared-{Guid.NewGuid():N}@example.jp";
        await App.CreateUserAsync("osaka", email, Password, "272035", "MunicipalOfficer");
        await App.CreateUserAsync("kyoto", email, "Kyoto-" + Password, "263648", "MunicipalOfficer");

        using var osaka = await App.SignInAsync("osaka", email, Password);
        using var kyoto = await App.SignInAsync("kyoto", email, "Kyoto-" + Password);

        (await osaka.GetFromJsonAsync<JsonElement>("/api/v1/osaka/me")).GetProperty("organizationName").GetString().ShouldBe("豊中市");
        (await kyoto.GetFromJsonAsync<JsonElement>("/api/v1/kyoto/me")).GetProperty("organizationName").GetString().ShouldBe("笠置町");

        var osakaOrgs = await osaka.GetFromJsonAsync<JsonElement[]>("/api/v1/osaka/organizations");
        osakaOrgs!.Length.ShouldBe(44); // 大阪府 + 43 市町村
        osakaOrgs.ShouldAllBe(o => o.GetProperty("code").GetString()!.StartsWith("27"));
        var kyotoOrgs = await kyoto.GetFromJsonAsync<JsonElement[]>("/api/v1/kyoto/organizations");
        kyotoOrgs!.Length.ShouldBe(27); // 京都府 + 26 市町村
        kyotoOrgs.ShouldAllBe(o => o.GetProperty("code").GetString()!.StartsWith("26"));

        using var crossed = await osaka.GetAsync("/api/v1/kyoto/organizations");
        crossed.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Each password opens only its own prefecture's account.
        using var anon = App.CreateClient();
        using var wrongPassword = await anon.PostAsJsonAsync("/api/v1/kyoto/auth/login", new { email, password = Password });
        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Malformed_json_is_400_problem_not_500()
    {
        using var client = App.CreateClient();
        using var content = new StringContent("{\"email\": \"toyonaka@osaka.example\", \"password\": ", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/v1/osaka/auth/login", content);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("title").GetString().ShouldBe("入力内容に誤りがあります。");
        problem.Detail().ShouldNotBeNull().ShouldContain("読み取れませんでした");
    }

    [Fact]
    public async Task A_deactivated_users_token_stops_working_at_once()
    {
        var email = $"leaving-{Guid.NewGuid():N}@example.jp";
        await App.CreateUserAsync("osaka", email, Password, "272035", "MunicipalOfficer");
        using var client = await App.SignInAsync("osaka", email, Password);
        (await client.GetAsync("/api/v1/osaka/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await App.DeactivateUserAsync("osaka", email);

        using var after = await client.GetAsync("/api/v1/osaka/organizations");
        (await after.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).Detail().ShouldNotBeNull().ShouldContain("もう一度ログイン");
        using var anon = App.CreateClient();
        using var again = await anon.PostAsJsonAsync("/api/v1/osaka/auth/login", new { email, password = Password });
        (await again.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).Detail().ShouldNotBeNull().ShouldContain("現在ログインできません");
    }

    [Fact]
    public async Task Missing_fields_are_400_with_japanese_field_messages()
    {
        using var client = App.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/osaka/auth/login", new { email = "" });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.FieldError("email").ShouldContain("メールアドレス");
        problem.FieldError("password").ShouldContain("パスワード");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_TenantIsolation(SqliteAppFixture fixture) : TenantIsolationTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_TenantIsolation(PostgresAppFixture fixture) : TenantIsolationTests(fixture);
