using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Jobs;
using DxCollab.Platform.Notifications;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Api;

/// <summary>Pending e-mails of every tenant go out through one fan-out job, each tenant inside its own scope.</summary>
public abstract class EmailFanOutTests(AppFixture fixture) : AppTest(fixture)
{
    private const string Password = "EmailFanOut-Test-2026!";

    [Fact]
    public void There_is_one_email_job_for_all_tenants_and_the_digest_stays_per_tenant()
    {
        using var connection = App.Factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs();
        var email = jobs.Single(j => j.Id == EmailDeliveryJob.FanOutJobId);
        email.Cron.ShouldBe(Cron.Minutely());
        jobs.Count(j => j.Id.StartsWith("tenant:", StringComparison.Ordinal) && j.Id.EndsWith(":email", StringComparison.Ordinal)).ShouldBe(0);
        jobs.Count(j => j.Id.EndsWith(":digest", StringComparison.Ordinal)).ShouldBe(47);
    }

    [Fact]
    public async Task One_run_sends_each_tenants_pending_mail_in_that_tenant_only()
    {
        var osaka = await PendingAsync("osaka", "272035", "大阪のお知らせ");
        var kyoto = await PendingAsync("kyoto", "263648", "京都のお知らせ");

        var result = await App.Factory.Services.GetRequiredService<EmailDeliveryJob>().SendImmediateToAllAsync(CancellationToken.None);

        result.Tenants.ShouldBe(47);
        result.FailedTenants.ShouldBe(0);
        (await SentAtAsync("osaka", osaka)).ShouldNotBeNull();
        (await SentAtAsync("kyoto", kyoto)).ShouldNotBeNull();
        // Each row was sent under its own tenant: the other tenant's scope does not even see it.
        (await SentAtAsync("kyoto", osaka, mustExist: false)).ShouldBeNull();
    }

    private async Task<long> PendingAsync(string tenantId, string organizationCode, string subject)
    {
        var email = $"fanout-{Guid.NewGuid():N}@{tenantId}.example";
        await App.CreateUserAsync(tenantId, email, Password, organizationCode, Roles.MunicipalOfficer);
        return await App.InTenantAsync(tenantId, async sp =>
        {
            var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
            var db = sp.GetRequiredService<DxCollabDbContext>();
            var mail = new PendingEmail { UserId = user!.Id, Recipient = email, Subject = subject, Body = subject + " の本文", CreatedAt = DateTime.UtcNow };
            db.Set<PendingEmail>().Add(mail);
            await db.SaveChangesAsync();
            return mail.Id;
        });
    }

    private Task<DateTime?> SentAtAsync(string tenantId, long id, bool mustExist = true) => App.InTenantAsync(tenantId, async sp =>
    {
        var row = await sp.GetRequiredService<DxCollabDbContext>().Set<PendingEmail>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id);
        if (mustExist) row.ShouldNotBeNull();
        return row?.SentAt;
    });
}

[Collection(SqliteCollection.Name)]
public sealed class Sqlite_EmailFanOut(SqliteAppFixture fixture) : EmailFanOutTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSql_EmailFanOut(PostgresAppFixture fixture) : EmailFanOutTests(fixture);
