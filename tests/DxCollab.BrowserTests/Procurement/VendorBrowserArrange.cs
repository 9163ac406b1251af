using DxCollab.MultiTenancy;
using DxCollab.Platform.Data;
using DxCollab.Platform.Tenancy;
using DxCollab.Procurement.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.BrowserTests.Procurement;

/// <summary>TEST-ONLY arrangements for the vendor, cost and catalogue journeys until the Workspaces slice's pages (open a
/// workspace, invite, move the phase) are merged: writes the workspace and its active members in the tenant's scope.
/// The lead will switch these journeys to those pages after the merge.</summary>
internal static class VendorBrowserArrange
{
    public static async Task<long> ArrangeWorkspaceAsync(this BrowserFixture app, string title, (string Code, string Name)[] members, bool finished = false)
    {
        var services = app.Services;
        var tenant = await services.GetRequiredService<IMultiTenantStore<PrefectureTenant>>().GetAsync("osaka");
        using var _ = services.GetRequiredService<TenantScope<PrefectureTenant>>().Begin(tenant!, "test");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxCollabDbContext>();
        var now = DateTime.UtcNow;
        var workspace = new Workspace
        {
            Subject = "ビジネスチャット", Title = title, LeadOrganizationCode = members[0].Code, CreatedAt = now, CreatedBy = "test", UpdatedAt = now,
            Phase = finished ? ProcurementPhase.Operation : ProcurementPhase.Rfp, FinishedAt = finished ? now : null,
        };
        db.Add(workspace);
        await db.SaveChangesAsync();
        db.AddRange(members.Select((m, i) => new WorkspaceMember
        {
            WorkspaceId = workspace.Id, OrganizationCode = m.Code, OrganizationName = m.Name, Role = i == 0 ? MemberRole.Lead : MemberRole.Member,
            State = MemberState.Active, InvitedAt = now, InvitedBy = "test", JoinedAt = now,
        }));
        await db.SaveChangesAsync();
        return workspace.Id;
    }
}
