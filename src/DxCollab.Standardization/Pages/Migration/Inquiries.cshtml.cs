using DxCollab.Platform.Identity;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.ReferenceData;
using DxCollab.Platform.Text;
using DxCollab.Platform.Threads;
using DxCollab.Platform.Web;
using DxCollab.Standardization.Files;
using DxCollab.Standardization.Inquiries;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Standardization.Pages.Migration;

/// <summary>課題・質問 (inquiries). The prefecture's staff see every 団体's, open ones first, longest waiting first, with
/// the 開庁日 each has waited; a municipality's officers see their own and start new ones.</summary>
public sealed class InquiriesModel(InquiryService inquiries, OrganizationDirectory directory) : TenantPageModel
{
    /// <summary>open (default for the prefecture), answered, closed, or all.</summary>
    [FromQuery(Name = "status")] public string? StatusFilter { get; set; }
    [FromQuery(Name = "org")] public string? OrganizationFilter { get; set; }
    [FromQuery(Name = "business")] public int? BusinessFilter { get; set; }

    public bool IsPrefecture { get; private set; }
    public bool CanAsk { get; private set; }
    public string EffectiveStatus { get; private set; } = "all";
    public IReadOnlyList<InquirySummary> Items { get; private set; } = [];
    public IReadOnlyList<OrganizationView> Organizations { get; private set; } = [];
    public BarChart? WaitingChart { get; private set; }
    public static IReadOnlyList<StandardBusiness> Businesses => StandardBusiness.All;

    public static IReadOnlyList<(string Value, string Label)> StatusChoices { get; } =
        [("open", "回答待ち"), ("answered", "回答済み"), ("closed", "終了"), ("all", "すべて")];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IsPrefecture = User.IsPrefectureStaff();
        CanAsk = User.OwnOrganizationCode() is not null && !IsPrefecture;
        EffectiveStatus = StatusChoices.Any(c => c.Value == StatusFilter) ? StatusFilter! : IsPrefecture ? "open" : "all";
        ThreadStatus? status = EffectiveStatus == "all" ? null : ThreadStatusText.TryParse(EffectiveStatus, out var s) ? s : null;
        var outcome = await inquiries.ListAsync(new InquiryFilter(status, IsPrefecture ? OrganizationFilter : null, BusinessFilter), User, ct);
        if (!outcome.Succeeded) return Forbid();
        Items = outcome.Value!;
        if (IsPrefecture) Organizations = await directory.SearchAsync(ct: ct);
        var waiting = Items.Where(i => i.WaitingBusinessDays is not null).Take(15).ToList();
        if (waiting.Count > 0)
            WaitingChart = new BarChart("inquiry-waiting", "回答を待っている開庁日数（長い順、15 件まで）",
                waiting.Select(i => ($"{i.OrganizationName}: {JapaneseText.Shorten(i.Title, 24)}", (double)i.WaitingBusinessDays!.Value)).ToList(), " 日");
        SetBreadcrumbs(new Breadcrumb("標準化の進捗", TenantUrl(IsPrefecture ? "migration" : $"migration/{User.OwnOrganizationCode()}")),
            new Breadcrumb("課題・質問"));
        return Page();
    }
}
