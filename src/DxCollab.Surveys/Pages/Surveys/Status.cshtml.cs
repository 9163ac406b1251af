using DxCollab.Platform.Organizations;
using DxCollab.Platform.Results;
using DxCollab.Platform.Web;
using DxCollab.Surveys.FollowUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>回答状況: every roster entry with its state, last activity (Tokyo) and business days left; filter by state and
/// 団体区分, sort by column, counts drawn as a bar; one button reminds every respondent not yet submitted.</summary>
public sealed class StatusModel(StatusBoard board) : TenantPageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }

    public StatusBoardView? Board { get; private set; }
    public string? Refusal { get; private set; }
    public BarChart? Chart { get; private set; }

    public static readonly (string Value, string Label)[] Categories =
    [
        .. Enum.GetValues<OrganizationCategory>().Select(c => (c.ToString(), c.ToJapanese())), ("Department", "都道府県の部局"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!RespondentStatuses.TryParseFilter(State, out var statuses)) (State, statuses) = (null, null);
        if (Category is not null && !Categories.Any(c => c.Value == Category)) Category = null;
        Sort = StatusQuery.Sorts.Contains(Sort) ? Sort : "code";
        var outcome = await board.GetAsync(User, Id, new StatusQuery(statuses, Category, Sort!, Desc), ct);
        if (!outcome.Succeeded) return Refused(outcome.Kind, outcome.Message);
        Board = outcome.Value!;
        Chart = new BarChart("status-counts", "状況ごとの団体数", [.. Board.Counts.Select(c => (c.Name, (double)c.Count))], " 団体");
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb(Board.Title, TenantUrl($"surveys/{Id}")), new Breadcrumb("回答状況"));
        return Page();
    }

    public async Task<IActionResult> OnPostRemindAsync(CancellationToken ct)
    {
        var outcome = await board.RemindNowAsync(User, Id, ct);
        if (!outcome.Succeeded)
        {
            if (outcome.Kind != OutcomeKind.Conflict) return Refused(outcome.Kind, outcome.Message);
            TempData["Notice"] = outcome.Message;
        }
        else
        {
            var r = outcome.Value!;
            TempData["Notice"] = $"未提出の {r.Reminded} 団体（{r.Notified} 人）に督促を送りました。"
                + (r.WithoutOfficers.Count > 0 ? $"担当者が登録されていない団体: {string.Join("、", r.WithoutOfficers)}。" : "");
        }
        return Redirect(TenantUrl($"surveys/{Id}/status") + "?state=" + RespondentStatuses.NotSubmitted);
    }

    private PageResult Refused(OutcomeKind kind, string? message)
    {
        Refusal = message ?? "表示できません。";
        return RefusedPage(kind);
    }

    /// <summary>The link of a column header: the same filters, sorted by <paramref name="column"/> (again: reversed).</summary>
    public string SortUrl(string column) => FilterUrl(State, Category, column, column == Sort && !Desc);

    public string FilterUrl(string? state, string? category, string? sort = null, bool desc = false)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(state)) query.Add("state=" + state);
        if (!string.IsNullOrEmpty(category)) query.Add("category=" + category);
        if (!string.IsNullOrEmpty(sort) && sort != "code") query.Add("sort=" + sort);
        if (desc) query.Add("desc=true");
        return TenantUrl($"surveys/{Id}/status") + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    public string? AriaSort(string column) => column == Sort ? (Desc ? "descending" : "ascending") : null;

    public static string Left(int? days) => days is { } d ? SurveyRemindersText.Left(d) : "—";
}
