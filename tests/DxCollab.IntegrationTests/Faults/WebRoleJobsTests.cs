using DxCollab.Platform.Jobs;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Faults;

/// <summary>Issue #13's "two web and two worker instances send each reminder once", web side: a web instance
/// (<c>Hosting:Role=Web</c>) can trigger the reminder scan but never runs it — it is no Hangfire server — so however
/// many web instances run, the reminders are sent by the workers alone, and BackboneTests'
/// <c>..._once_with_two_job_servers</c> shows two workers send each one once.</summary>
[Collection(FaultsCollection.Name)]
public sealed class WebRoleJobsTests(FaultsFixture app)
{
    [RootFact]
    public async Task A_web_instance_triggers_the_reminder_scan_and_only_the_worker_runs_it()
    {
        var storage = app.Web.Services.GetRequiredService<JobStorage>();
        var monitor = storage.GetMonitoringApi();
        monitor.Servers().Count.ShouldBe(1, "only the worker is a Hangfire server");
        var before = monitor.SucceededJobs(0, 100).Select(j => j.Key).ToHashSet();

        app.Web.Services.GetRequiredService<IRecurringJobManager>().Trigger("tenant:osaka:reminder-scan");

        KeyValuePair<string, Hangfire.Storage.Monitoring.SucceededJobDto>? scan = null;
        for (var until = DateTime.UtcNow.AddSeconds(30); scan is null && DateTime.UtcNow < until; await Task.Delay(200))
            scan = monitor.SucceededJobs(0, 100).FirstOrDefault(j => !before.Contains(j.Key) && j.Value.Job?.Type == typeof(ReminderScanJob)
                && j.Value.Job.Args.Contains("osaka")) is { Key: not null } found ? found : null;
        scan.ShouldNotBeNull("the triggered scan did not run within 30 s");
        var processing = monitor.JobDetails(scan.Value.Key).History.First(h => h.StateName == "Processing");
        processing.Data["ServerId"].ShouldBe(monitor.Servers().Single().Name); // the worker's
    }
}
