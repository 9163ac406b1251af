using System.Globalization;
using System.Net;
using System.Text;

namespace DxCollab.Platform.Web;

/// <summary>A horizontal bar chart drawn as SVG on the server, always shown with a table of the same numbers.
/// <paramref name="Scale"/> fixes the value of a full-length bar (100 for percentages); by default the largest bar.</summary>
public sealed record BarChart(string Id, string Caption, IReadOnlyList<(string Label, double Value)> Bars, string Unit = "", double? Scale = null)
{
    private const int LabelWidth = 220, BarMax = 340, RowHeight = 32;

    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>The SVG markup; every text is HTML-encoded.</summary>
    public string ToSvg()
    {
        var max = Scale is > 0 ? Scale.Value : Bars.Count == 0 ? 1 : Math.Max(1, Bars.Max(b => b.Value));
        var height = Bars.Count * RowHeight + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg width=\"100%\" viewBox=\"0 0 {LabelWidth + BarMax + 90} {height}\" role=\"img\" aria-labelledby=\"{Id}-caption\" focusable=\"false\">");
        for (var i = 0; i < Bars.Count; i++)
        {
            var (label, value) = Bars[i];
            var y = i * RowHeight + 4;
            var w = value <= 0 ? 0 : Math.Max(2, Math.Min(1, value / max) * BarMax);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 20}\" text-anchor=\"end\">{WebUtility.HtmlEncode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{y + 4}\" width=\"{w:0.#}\" height=\"{RowHeight - 10}\" rx=\"3\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + w + 8:0.#}\" y=\"{y + 20}\">{Number(value)}{WebUtility.HtmlEncode(Unit)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }
}
