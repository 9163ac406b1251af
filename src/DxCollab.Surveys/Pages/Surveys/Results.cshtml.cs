using DxCollab.Platform.Web;
using DxCollab.Surveys.FollowUp;
using Microsoft.AspNetCore.Mvc;

namespace DxCollab.Surveys.Pages.Surveys;

/// <summary>集計結果 (prefecture staff): each question aggregated over the submitted answers, with bars for choices and
/// the distribution of numbers, tables summed per row and column, texts per 団体, and every 団体's answer a link away.</summary>
public sealed class ResultsModel(SurveyResultsService service) : TenantPageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }

    public SurveyResults? Results { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await service.GetAsync(User, Id, ct);
        if (!outcome.Succeeded)
        {
            Refusal = outcome.Message;
            return RefusedPage(outcome.Kind);
        }
        Results = outcome.Value!;
        SetBreadcrumbs(new Breadcrumb("照会", TenantUrl("surveys")), new Breadcrumb(Results.Title, TenantUrl($"surveys/{Id}")), new Breadcrumb("集計結果"));
        return Page();
    }

    public static BarChart? ChoiceChart(QuestionResult q) => q.Choices is { } choices
        ? new BarChart($"chart-{Slug(q.Key)}", $"{q.Text}（団体数）", [.. choices.Select(c => (c.Label, (double)c.Count))], " 団体") : null;

    public static BarChart? NumberChart(QuestionResult q) => q.Numbers is { } n
        ? new BarChart($"chart-{Slug(q.Key)}", $"{q.Text}の分布（団体数）", [.. n.Bins.Select(b => (b.Label + (q.Unit ?? ""), (double)b.Count))], " 団体") : null;

    public static string Slug(string key) => string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    public static string Number(decimal value) => ResultsAggregator.Format(value);

    public static string Number(decimal? value) => value is { } v ? Number(v) : "";
}
