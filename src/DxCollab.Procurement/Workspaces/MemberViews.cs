using DxCollab.Procurement.Domain;

namespace DxCollab.Procurement.Workspaces;

/// <summary>Invite an organisation of this tenant (団体コード) as a member or an observer.</summary>
public sealed record MemberInvite(string? OrganizationCode, MemberRole? Role);

/// <summary>Why a member leaves or is removed (kept on its row, shown in 「過去の参加団体」).</summary>
public sealed record MemberReason(string? Reason);

public sealed record MemberRoleChange(MemberRole? Role);

/// <summary>The lead role moves to another active member (「代表団体を交代」); the old lead stays as a member.</summary>
public sealed record LeadHandover(long? MemberId);

/// <summary>An invitation waiting for the user's 団体: enough to decide (title, subject, lead) — not the workspace's content.</summary>
public sealed record InvitationView(long MemberId, long WorkspaceId, string Subject, string Title, string LeadOrganizationName, MemberRole Role,
    string RoleName, DateTime InvitedAt, string InvitedBy);
