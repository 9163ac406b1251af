using DxCollab.Platform.Messaging;
using DxCollab.Platform.Organizations;

namespace DxCollab.Standardization.Contracts;

/// <summary>The step counts of one 団体 × 業務 row as the tenant computed them from its own tables. <see cref="Enabled"/>
/// is false when the 団体 does not run the 業務 (or the 団体 was abolished): the row then leaves the national figures.</summary>
public sealed record NationalRowCounts(int BusinessNumber, bool Enabled, int Completed, int InProgress, int NotStarted, int NotApplicable);

/// <summary>Host level (no tenant): the recomputed rows of one 団体, published by the tenant-side
/// <c>NationalProgressPublisher</c> for every <see cref="MigrationStepsChanged"/> and applied to the national read model.
/// <see cref="ComputedAt"/> orders the snapshots: an older one never overwrites a newer one.</summary>
public sealed record NationalProgressChanged(string PrefectureId, string OrganizationCode, OrganizationType Type,
    NationalRowCounts[] Rows, DateTime ComputedAt) : IHostLevelMessage;
