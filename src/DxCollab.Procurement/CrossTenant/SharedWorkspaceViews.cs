using DxCollab.Procurement.Domain;

namespace DxCollab.Procurement.CrossTenant;

/// <summary>One of another prefecture's workspaces as the invited tenant lists it (from its own record).</summary>
public sealed record SharedWorkspaceSummary(long Id, string LeadTenant, long LeadWorkspaceId, string LeadPrefectureName, string Title, string Subject, string LeadName,
    ProcurementPhase Phase, string PhaseName, string OrganizationCode, string OrganizationName, MemberRole Role, string RoleName,
    MemberState State, string StateName, DateTime InvitedAt, DateTime UpdatedAt, bool MayAnswer)
{
    public static SharedWorkspaceSummary Of(SharedWorkspace s, bool mayAnswer) => new(s.Id, s.SourceTenant, s.SourceWorkspaceId, PrefectureName(s.SourceTenant), s.Title,
        s.Subject, s.LeadName, s.Phase, s.Phase.ToJapanese(), s.OrganizationCode, s.OrganizationName, s.Role, s.Role.ToJapanese(), s.State,
        s.State.ToJapanese(), s.InvitedAt, s.UpdatedAt, mayAnswer);

    /// <summary>The prefecture's name of a tenant id (鳥取県 for tottori), from the bundled 団体 list.</summary>
    public static string PrefectureName(string tenant) => Platform.Tenancy.PrefectureCatalog.NameOf(tenant);
}

/// <summary>An active member's view, answered by the lead's tenant at this read.</summary>
public sealed record SharedWorkspaceView(SharedWorkspaceSummary Membership, string? Description, IReadOnlyList<RemoteMemberView> Members,
    IReadOnlyList<SharedDocument> Documents);

public sealed record RemoteMemberView(string OrganizationCode, string OrganizationName, MemberRole Role, string RoleName, MemberState State, string StateName)
{
    public static RemoteMemberView Of(RemoteMember m) => new(m.OrganizationCode, m.OrganizationName, m.Role, m.Role.ToJapanese(), m.State, m.State.ToJapanese());
}


/// <summary>What the API says after a verdict was sent: it is recorded by the lead's tenant shortly.</summary>
public sealed record VerdictSent(long RevisionId, bool Approved, string Message);
