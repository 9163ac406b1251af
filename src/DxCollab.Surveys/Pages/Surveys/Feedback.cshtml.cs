using DxCollab.Platform.Web;
using DxCollab.Surveys.FollowUp;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>還元: once a survey is closed (and unless it is confidential), a respondent sees the aggregate of all answers
/// and its own answer beside it (for numbers: the median and the distribution). Never another 団体's answer.</summary>
public sealed class FeedbackModel(SurveyResultsService service) : TenantPageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";

    public FeedbackView? Feedback { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await service.FeedbackAsync(User, Id, Code, ct);
        if (!outcome.Succeeded)
        {
            Refusal = outcome.Message;
            return RefusedPage(outcome.Kind);
        }
        Feedback = outcome.Value!;
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb(Feedback.Title, TenantUrl($"surveys/{Id}")), new Breadcrumb("集計結果の還元"));
        return Page();
    }

    /// <summary>Where the own number stands: 「中央値より上」 etc.</summary>
    public static string Position(FeedbackQuestion q) => q.OwnNumber is { } own && q.Aggregate.Numbers is { } n
        ? own > n.Median ? "中央値より大きい" : own < n.Median ? "中央値より小さい" : "中央値と同じ"
        : "";
}
