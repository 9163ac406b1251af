using System.Globalization;
using System.Net;
using System.Text;
using DxCollab.Standardization.Tracking;

namespace DxCollab.Standardization.Pages.Migration;

/// <summary>The distribution of 完了率 per 業務 as stacked horizontal bars (SVG, drawn on the server): each bar is the
/// 団体 reporting the 業務, split into the six buckets of <see cref="InsightRules.BucketLabels"/>. Always shown with a
/// table of the same numbers; 業務 whose mean hides 団体 at 0% are marked in the label as well as in the table.</summary>
public sealed record DistributionChart(string Id, string Caption, IReadOnlyList<BusinessDistribution> Businesses)
{
    private const int LabelWidth = 230, BarMax = 420, RowHeight = 30, LegendHeight = 34;

    /// <summary>Fill and text colour per bucket: red for 0% (what must stand out), then light to dark blue.</summary>
    public static IReadOnlyList<(string Fill, string Text)> Colours { get; } =
        [("#a50f15", "#ffffff"), ("#fbd3c4", "#1a1a1a"), ("#fde9d9", "#1a1a1a"), ("#c6dbef", "#1a1a1a"), ("#6baed6", "#1a1a1a"), ("#08519c", "#ffffff")];

    public string ToSvg()
    {
        var height = LegendHeight + Businesses.Count * RowHeight + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg width=\"100%\" viewBox=\"0 0 {LabelWidth + BarMax + 20} {height}\" role=\"img\" aria-labelledby=\"{Id}-caption\" focusable=\"false\">");
        // Legend
        var x = 0;
        for (var i = 0; i < InsightRules.BucketLabels.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"6\" width=\"16\" height=\"16\" fill=\"{Colours[i].Fill}\" stroke=\"#4d4d4d\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 22}\" y=\"19\">{WebUtility.HtmlEncode(InsightRules.BucketLabels[i])}</text>");
            x += 104;
        }
        for (var row = 0; row < Businesses.Count; row++)
        {
            var business = Businesses[row];
            var d = business.Distribution;
            var y = LegendHeight + row * RowHeight;
            var label = business.BusinessName + (d.MeanHidesLaggards ? "（要注意）" : "");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth - 8}\" y=\"{y + 19}\" text-anchor=\"end\"{(d.MeanHidesLaggards ? " font-weight=\"700\"" : "")}>{WebUtility.HtmlEncode(label)}</text>");
            double left = LabelWidth;
            for (var i = 0; i < d.Buckets.Count; i++)
            {
                if (d.Organizations == 0 || d.Buckets[i] == 0) continue;
                var w = (double)d.Buckets[i] / d.Organizations * BarMax;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{left:0.#}\" y=\"{y + 4}\" width=\"{w:0.#}\" height=\"{RowHeight - 8}\" fill=\"{Colours[i].Fill}\" stroke=\"#ffffff\"></rect>");
                if (w >= 22)
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<text x=\"{left + w / 2:0.#}\" y=\"{y + 20}\" text-anchor=\"middle\" class=\"{(Colours[i].Text == "#ffffff" ? "on-dark" : "on-light")}\">{d.Buckets[i]}</text>");
                left += w;
            }
        }
        return svg.Append("</svg>").ToString();
    }
}
