namespace DxCollab.Procurement.Pages.Procurement.Shared;

/// <summary>What the invitation form shows: the workspace, the typed input, and a refusal naming its field.</summary>
public sealed record RemoteInviteForm(long WorkspaceId, string? OrganizationCode = null, string? Role = null, string? Problem = null, string? ProblemField = null);
