using DxCollab.Platform.ReferenceData;
using DxCollab.Standardization.Tracking;

namespace DxCollab.Standardization.Workbook;

/// <summary>One row of the 総務省 sheet 「業務別ステップ別進捗一覧」: one 団体 × 業務 with the status of each of the
/// 40 steps, in <see cref="MigrationStepDefinition.All"/> order. <see cref="MunicipalityName"/> is null for the
/// prefecture itself (the workbook writes 「-」; 「-」 or empty given here is stored as null).
/// Equality compares the statuses element by element, so a read-back row equals the row written.</summary>
public sealed record WorkbookRow
{
    public WorkbookRow(string prefectureName, string? municipalityName, StandardBusiness business,
        IReadOnlyList<StepStatus> statuses, string? localGovernmentCode = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefectureName);
        ArgumentNullException.ThrowIfNull(business);
        ArgumentNullException.ThrowIfNull(statuses);
        if (statuses.Count != WorkbookLayout.StepCount)
            throw new ArgumentException($"Expected {WorkbookLayout.StepCount} statuses, got {statuses.Count}.", nameof(statuses));
        PrefectureName = prefectureName.Trim();
        MunicipalityName = WorkbookLayout.IsPrefectureMarker(municipalityName) ? null : municipalityName!.Trim();
        Business = business;
        Statuses = statuses.ToArray();
        LocalGovernmentCode = string.IsNullOrWhiteSpace(localGovernmentCode) ? null : localGovernmentCode.Trim();
    }

    public string PrefectureName { get; }
    /// <summary>Null for the prefecture's own row.</summary>
    public string? MunicipalityName { get; }
    public StandardBusiness Business { get; }
    /// <summary>40 statuses, index i = step <c>MigrationStepDefinition.All[i]</c>.</summary>
    public IReadOnlyList<StepStatus> Statuses { get; }
    /// <summary>全国地方公共団体コード when the file has a 団体コード column (kept as text).</summary>
    public string? LocalGovernmentCode { get; }

    public bool IsPrefecture => MunicipalityName is null;

    public bool Equals(WorkbookRow? other) =>
        other is not null
        && PrefectureName == other.PrefectureName
        && MunicipalityName == other.MunicipalityName
        && Business.Number == other.Business.Number
        && LocalGovernmentCode == other.LocalGovernmentCode
        && Statuses.SequenceEqual(other.Statuses);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(PrefectureName);
        hash.Add(MunicipalityName);
        hash.Add(Business.Number);
        hash.Add(LocalGovernmentCode);
        foreach (var status in Statuses) hash.Add(status);
        return hash.ToHashCode();
    }

    public override string ToString() =>
        $"{PrefectureName} {MunicipalityName ?? WorkbookLayout.PrefectureMarker} {Business.WorkbookName} [{string.Join(",", Statuses.Select(s => s.WorkbookText()))}]";
}
