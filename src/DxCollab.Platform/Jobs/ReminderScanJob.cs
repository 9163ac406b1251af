using DxCollab.Platform.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Platform.Jobs;

/// <summary>The recurring reminder scan of one tenant (recurring job id <c>tenant:{id}:reminder-scan</c>).</summary>
public sealed class ReminderScanJob(TenantJobRunner runner)
{
    public async Task<ReminderScanResult> RunAsync(string tenantId, CancellationToken ct)
    {
        ReminderScanResult result = new(0, 0, 0);
        await runner.RunAsync(tenantId, async services => result = await services.GetRequiredService<ReminderEngine>().RunAsync(ct));
        return result;
    }
}
