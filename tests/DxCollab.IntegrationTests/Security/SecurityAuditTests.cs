using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxCollab.IntegrationTests.Infrastructure;

namespace DxCollab.IntegrationTests.Security;

/// <summary>Sign-ins, failed sign-ins, role changes and exports are in the prefecture administrator's audit trail —
/// with the e-mail tried and the address, never the password.</summary>
public abstract class SecurityAuditTests(AppFixture fixture) : AppTest(fixture)
{
    private async Task<List<JsonElement>> AuditAsync(string query)
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/osaka/audit?pageSize=200&" + query);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static string After(JsonElement e) => e.GetProperty("after").GetString() ?? "";

    [Fact]
    public async Task Sign_in_and_failed_sign_ins_are_audited_without_the_password()
    {
        using var client = App.CreateClient();
        (await client.PostAsJsonAsync(AppFixture.LoginPath("osaka"), new { email = "toyonaka@osaka.example", password = "Secret-wrong-42" }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync(AppFixture.LoginPath("osaka"), new { email = "nobody@osaka.example", password = "Secret-wrong-42" }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await AppFixture.GetTokenAsync(client, "osaka", "toyonaka@osaka.example");

        var failed = await AuditAsync("action=SignInFailed");
        var wrong = failed.Single(e => e.GetProperty("entityKey").GetString() == "toyonaka@osaka.example");
        wrong.GetProperty("entityType").GetString().ShouldBe("サインイン");
        After(wrong).ShouldContain("パスワード誤り");
        After(wrong).ShouldContain("接続元");
        failed.ShouldContain(e => e.GetProperty("entityKey").GetString() == "nobody@osaka.example" && After(e).Contains("アカウントなし"));
        failed.ShouldAllBe(e => !After(e).Contains("Secret-wrong-42"));

        var signedIn = await AuditAsync("action=SignedIn&user=toyonaka");
        signedIn.ShouldContain(e => e.GetProperty("entityKey").GetString() == "toyonaka@osaka.example" && After(e).Contains("成功"));
    }

    [Fact]
    public async Task A_locked_out_account_is_audited_as_such()
    {
        await App.CreateUserAsync("osaka", "locked@osaka.example", "Correct-horse-9!", "272035", Platform.Identity.Roles.MunicipalOfficer);
        using var client = App.CreateClient();
        for (var i = 0; i < Platform.Identity.SignInFigures.MaxFailedAttempts; i++)
            await client.PostAsJsonAsync(AppFixture.LoginPath("osaka"), new { email = "locked@osaka.example", password = "Wrong-horse-9!" });
        using var locked = await client.PostAsJsonAsync(AppFixture.LoginPath("osaka"), new { email = "locked@osaka.example", password = "Correct-horse-9!" });
        (await locked.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).Detail()!.ShouldContain("15 分後");
        (await AuditAsync("action=SignInFailed&user=locked@osaka.example")).ShouldContain(e => After(e).Contains("ロック中"));
    }

    [Fact]
    public async Task Giving_a_user_a_role_is_audited()
    {
        await App.CreateUserAsync("osaka", "role.change@osaka.example", "Correct-horse-9!", "272035", Platform.Identity.Roles.MunicipalOfficer);
        var roles = await AuditAsync("action=Created");
        roles.ShouldContain(e => e.GetProperty("entityType").GetString()!.Contains("UserRole"));
    }

    [Fact]
    public async Task Exports_record_who_took_which_file()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");
        using (var csv = await admin.GetAsync("/api/v1/osaka/audit/export")) csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var exports = await AuditAsync("action=Exported");
        var entry = exports.ShouldHaveSingleItem();
        entry.GetProperty("entityType").GetString().ShouldBe("エクスポート");
        entry.GetProperty("entityKey").GetString().ShouldBe("/api/v1/osaka/audit/export");
        entry.GetProperty("user").GetString().ShouldBe("pref.admin@osaka.example");
        After(entry).ShouldContain("監査ログ-");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_SecurityAudit(SqliteAppFixture fixture) : SecurityAuditTests(fixture);
