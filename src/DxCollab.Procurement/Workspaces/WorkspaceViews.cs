using DxCollab.Procurement.Access;
using DxCollab.Procurement.Domain;

namespace DxCollab.Procurement.Workspaces;

public sealed record WorkspaceInput(string? Subject, string? Title, string? Description, string? LeadOrganizationCode);

public sealed record MemberView(long Id, string OrganizationCode, string OrganizationName, string? OrganizationTenant, MemberRole Role,
    string RoleName, MemberState State, string StateName, DateTime InvitedAt, DateTime? JoinedAt, DateTime? EndedAt, string? EndedReason, string? Conditions = null)
{
    public static MemberView Of(WorkspaceMember m) => new(m.Id, m.OrganizationCode, m.OrganizationName, m.OrganizationTenant, m.Role,
        m.Role.ToJapanese(), m.State, m.State.ToJapanese(), m.InvitedAt, m.JoinedAt, m.EndedAt, m.EndedReason, m.Conditions);
}

/// <summary>A workspace as its readers see it, with the reader's own seat (what the page and API offer follows it).</summary>
public sealed record WorkspaceView(long Id, string Subject, string Title, string? Description, string LeadOrganizationCode, string LeadOrganizationName,
    ProcurementPhase Phase, string PhaseName, DateTime CreatedAt, DateTime UpdatedAt, DateTime? FinishedAt, Seat MySeat,
    IReadOnlyList<MemberView> Members);

public sealed record WorkspaceSummary(long Id, string Subject, string Title, string LeadOrganizationName, ProcurementPhase Phase, string PhaseName,
    int ActiveMembers, DateTime UpdatedAt, Seat MySeat);
