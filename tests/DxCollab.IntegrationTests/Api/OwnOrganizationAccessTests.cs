using System.Net;
using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Identity;

namespace DxCollab.IntegrationTests.Api;

/// <summary>"This 団体's own officer" means one thing on every page: a municipal officer of that 団体. An Expert placed
/// in 豊中市 belongs to it but does not act for it, so the 団体 page hides its users exactly as the 標準化 module hides its
/// 証跡 (the 団体 page used to show them to anyone whose organisation matched).</summary>
public abstract class OwnOrganizationAccessTests(AppFixture fixture) : AppTest(fixture)
{
    private const string UsersHeading = "この団体の利用者";
    private const string Toyonaka = "272035", Suita = "272051";

    private static string EvidencePath(string org) => $"/api/v1/osaka/migration/{org}/1/steps/1/evidence";

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_expert_placed_in_a_municipality_sees_neither_its_users_nor_its_evidence()
    {
        await App.CreateUserAsync("osaka", "expert.toyonaka@osaka.example", "Expert-Toyonaka-2026!", Toyonaka, Roles.Expert);
        using var expert = await App.SignInAsync("osaka", "expert.toyonaka@osaka.example", "Expert-Toyonaka-2026!");

        (await PageAsync(expert, $"/osaka/organizations/{Toyonaka}")).ShouldNotContain(UsersHeading);
        using var evidence = await expert.GetAsync(EvidencePath(Toyonaka));
        evidence.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_municipal_officer_sees_the_users_and_evidence_of_the_own_body_only()
    {
        using var officer = await App.SignInAsync("osaka", "toyonaka@osaka.example");

        var own = await PageAsync(officer, $"/osaka/organizations/{Toyonaka}");
        own.ShouldContain(UsersHeading);
        own.ShouldContain("toyonaka@osaka.example");
        using (var evidence = await officer.GetAsync(EvidencePath(Toyonaka)))
            evidence.StatusCode.ShouldBe(HttpStatusCode.OK);

        (await PageAsync(officer, $"/osaka/organizations/{Suita}")).ShouldNotContain(UsersHeading);
        using var other = await officer.GetAsync(EvidencePath(Suita));
        other.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Prefecture_staff_see_the_users_and_evidence_of_every_body()
    {
        using var admin = await App.SignInAsync("osaka", "pref.admin@osaka.example");

        var page = await PageAsync(admin, $"/osaka/organizations/{Toyonaka}");
        page.ShouldContain(UsersHeading);
        page.ShouldContain("toyonaka@osaka.example");
        using var evidence = await admin.GetAsync(EvidencePath(Toyonaka));
        evidence.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_OwnOrganizationAccess(SqliteAppFixture fixture) : OwnOrganizationAccessTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_OwnOrganizationAccess(PostgresAppFixture fixture) : OwnOrganizationAccessTests(fixture);
