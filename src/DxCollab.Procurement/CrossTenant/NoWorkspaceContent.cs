using DxCollab.Platform.Files;
using DxCollab.Platform.Results;
using DxCollab.Procurement.Domain;

namespace DxCollab.Procurement.CrossTenant;

/// <summary>Stands in for the documents slice until it registers its <see cref="IWorkspaceContent"/> (registered with
/// TryAdd, so the real one wins): no documents, nothing to download, no verdict recorded.</summary>
internal sealed class NoWorkspaceContent : IWorkspaceContent
{
    public Task<IReadOnlyList<SharedDocument>> DocumentsForAsync(long workspaceId, MemberRole role, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<SharedDocument>>([]);

    public Task<StoredFile?> RevisionFileForAsync(long workspaceId, long revisionId, MemberRole role, CancellationToken ct = default) =>
        Task.FromResult<StoredFile?>(null);

    public Task<Outcome<SharedVerdict>> RecordVerdictAsync(long workspaceId, long revisionId, string organizationCode, bool approved, string? comment,
        string actor, CancellationToken ct = default) => Task.FromResult(Outcome<SharedVerdict>.NotFound("版が見つかりません。"));
}
