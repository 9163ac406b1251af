using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;

namespace DxCollab.Standardization.Tracking;

/// <summary>Which 業務 a 団体 reports and how 業務 and steps are named in requests.</summary>
public static class MigrationCatalog
{
    public const int StepCount = 40;
    private static readonly int[] AllBusinesses = [.. StandardBusiness.All.Select(b => b.Number)];
    private static readonly int[] PrefectureBusinesses = [.. StandardBusiness.All.Where(b => b.ReportedByPrefecture).Select(b => b.Number)];

    /// <summary>Municipalities report the 20 業務; the prefecture itself 児童扶養手当 and 生活保護.</summary>
    public static IReadOnlyList<int> BusinessesOf(OrganizationType type) => type == OrganizationType.Prefecture ? PrefectureBusinesses : AllBusinesses;

    /// <summary>Accepts 3, 住民基本台帳 or 住民記録.</summary>
    public static StandardBusiness? FindBusiness(string? text) =>
        int.TryParse(text, out var number) ? StandardBusiness.All.FirstOrDefault(b => b.Number == number) : StandardBusiness.Find(text);

    /// <summary>Accepts 12 or ⑤-2.</summary>
    public static MigrationStepDefinition? FindStep(string? text) =>
        int.TryParse(text, out var number)
            ? MigrationStepDefinition.All.FirstOrDefault(s => s.Number == number)
            : MigrationStepDefinition.All.FirstOrDefault(s => s.StepId == text?.Trim());
}
