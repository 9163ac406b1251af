using DxCollab.IntegrationTests.Infrastructure;
using DxCollab.Platform.Data;
using DxCollab.Procurement.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.IntegrationTests.Procurement;

/// <summary>Arrangements for the vendor Q&amp;A, RFI, cost-share and catalogue tests.</summary>
public static class VendorTestData
{
    /// <summary>TEST-ONLY until the Workspaces slice's invite/accept API is merged: writes an active member row directly in
    /// the tenant's scope. The lead will switch this to POST members + accept after the merge.</summary>
    public static Task ArrangeActiveMemberAsync(this AppFixture app, long workspaceId, string organizationCode, string organizationName,
        MemberRole role = MemberRole.Member, string tenant = "osaka") =>
        app.InTenantAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<DxCollabDbContext>();
            if (await db.Set<WorkspaceMember>().AnyAsync(m => m.WorkspaceId == workspaceId && m.OrganizationCode == organizationCode)) return;
            db.Add(new WorkspaceMember
            {
                WorkspaceId = workspaceId, OrganizationCode = organizationCode, OrganizationName = organizationName, Role = role,
                State = MemberState.Active, InvitedAt = DateTime.UtcNow, InvitedBy = "test", JoinedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });

    /// <summary>TEST-ONLY until the Workspaces slice's phase API is merged: marks a workspace finished (運用, FinishedAt)
    /// directly in the tenant's scope, so its case may be published.</summary>
    public static Task ArrangeFinishedAsync(this AppFixture app, long workspaceId, string tenant = "osaka") =>
        app.InTenantAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<DxCollabDbContext>();
            var workspace = await db.Set<Workspace>().SingleAsync(w => w.Id == workspaceId);
            (workspace.Phase, workspace.FinishedAt) = (ProcurementPhase.Operation, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

    /// <summary>Polls until <paramref name="check"/> returns a value (the bus delivers asynchronously).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> check, string what, int seconds = 20) where T : struct
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(seconds); ; await Task.Delay(200))
        {
            if (await check() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not reached within {seconds} s: {what}");
        }
    }

    public static string Questions(long id) => $"{ProcurementTestData.Procurements}/{id}/questions";

    public static object VendorQuestion(string vendor = "株式会社チャットワークス", string question = "既存のActive Directoryと連携できますか。", string stage = "Rfi") =>
        new { stage, vendorName = vendor, question, receivedOn = "2026-11-20" };
}
