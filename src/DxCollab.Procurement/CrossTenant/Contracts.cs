using DxCollab.Platform.Messaging;
using DxCollab.Procurement.Domain;

namespace DxCollab.Procurement.CrossTenant;

// Messages between the lead's tenant and a member's tenant. Each names in TenantId the tenant it is FOR (the header the
// platform filters check), and in LeadTenant / MemberTenant the other side, so neither ever reads the other's tables.

/// <summary>Lead → member's tenant (outbox): an organisation of that tenant is invited to a workspace.</summary>
public sealed record RemoteInvitationSent(string TenantId, string LeadTenant, long WorkspaceId, long MemberId, string OrganizationCode,
    string OrganizationName, string Title, string Subject, string LeadName, ProcurementPhase Phase, MemberRole Role, DateTime InvitedAt,
    string InvitedBy) : ITenantMessage;

/// <summary>Member's tenant → lead (outbox): the invited organisation accepted or declined.</summary>
public sealed record RemoteInvitationAnswered(string TenantId, string MemberTenant, long WorkspaceId, long MemberId, string OrganizationCode,
    bool Accepted, DateTime AnsweredAt, string AnsweredBy) : ITenantMessage;

/// <summary>Either way (outbox): the membership ended — <see cref="MemberState.Left"/> (member → lead) or
/// <see cref="MemberState.Removed"/> (lead → member). The sender's side has already stopped access.</summary>
public sealed record RemoteMembershipEnded(string TenantId, string OtherTenant, long WorkspaceId, long MemberId, string OrganizationCode,
    MemberState Ending, DateTime EndedAt, string EndedBy) : ITenantMessage;

/// <summary>Lead → member's tenant (outbox, durable): the lead asks the members to approve a revision; the member's
/// officers are told in their own tenant.</summary>
public sealed record RemoteApprovalAsked(string TenantId, string LeadTenant, long WorkspaceId, long MemberId, string OrganizationCode,
    string WorkspaceTitle, string DocumentTitle, int Number, DateOnly? DueOn) : ITenantMessage;

/// <summary>Member's tenant → lead (outbox, durable): an active member's 承認 / 差戻し of a revision.</summary>
public sealed record RemoteVerdictSent(string TenantId, string MemberTenant, long WorkspaceId, long MemberId, string OrganizationCode,
    long RevisionId, bool Approved, string? Comment, string Actor) : ITenantMessage;

/// <summary>Member's tenant → lead (request at each read): the workspace as an active member sees it.</summary>
public sealed record RemoteWorkspaceRequested(string TenantId, string MemberTenant, long WorkspaceId, long MemberId, string OrganizationCode)
    : ITenantMessage;

/// <summary>The lead's answer (TenantId = the lead, the responder). Refused (<see cref="Granted"/> false) when the member
/// row is not active; <see cref="State"/> then says where it stands.</summary>
public sealed record RemoteWorkspaceAnswer(string TenantId, bool Granted, MemberState State, RemoteWorkspaceSummary? Workspace,
    IReadOnlyList<RemoteMember> Members, IReadOnlyList<SharedDocument> Documents) : ITenantMessage;

public sealed record RemoteWorkspaceSummary(string Title, string Subject, string? Description, string LeadOrganizationCode, string LeadName,
    ProcurementPhase Phase, DateTime UpdatedAt);

/// <summary>A member organisation's name, role and state as the lead keeps them.</summary>
public sealed record RemoteMember(string OrganizationCode, string OrganizationName, MemberRole Role, MemberState State);

/// <summary>Member's tenant → lead (request at each download): a grant to read one revision's file.</summary>
public sealed record RemoteRevisionRequested(string TenantId, string MemberTenant, long WorkspaceId, long MemberId, string OrganizationCode,
    long RevisionId) : ITenantMessage;

/// <summary>The lead's answer: a <see cref="Platform.Files.FileGrants"/> grant, or none (not a member, or the label or
/// the revision forbids it).</summary>
public sealed record RemoteRevisionAnswer(string TenantId, bool Granted, string? Grant) : ITenantMessage;
