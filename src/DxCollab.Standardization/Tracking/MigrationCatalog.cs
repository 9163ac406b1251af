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

    public static string StatusName(StepStatus status) => status switch
    {
        StepStatus.Completed => "完了済み",
        StepStatus.InProgress => "作業中",
        StepStatus.NotApplicable => "対象外",
        _ => "未着手",
    };

    public static bool TryParseStatus(string? text, out StepStatus status)
    {
        status = StepStatus.NotStarted;
        var key = Platform.Text.JapaneseText.SearchKey(text);
        switch (key)
        {
            case "完了済み" or "完了" or "completed": status = StepStatus.Completed; return true;
            case "作業中" or "inprogress": status = StepStatus.InProgress; return true;
            case "未着手" or "未" or "notstarted": status = StepStatus.NotStarted; return true;
            case "対象外" or "notapplicable": status = StepStatus.NotApplicable; return true;
            default: return false;
        }
    }
}
