using System.Globalization;
using System.Net;
using System.Text;

namespace DxCollab.Platform.Web;

/// <summary>One line of a <see cref="LineChart"/>: a value (or null: no figure) per x position.</summary>
public sealed record LineSeries(string Label, IReadOnlyList<double?> Values);

/// <summary>A line chart drawn as SVG on the server (always shown with a table of the same numbers). Lines differ in
/// colour, dash pattern and marker shape, and each is labelled at its last point, so no line needs colour to be told
/// apart. <paramref name="XSubLabels"/> is an optional second line under an x label (e.g. the 和暦 year at its first month).</summary>
public sealed record LineChart(string Id, string Title, IReadOnlyList<string> XLabels, IReadOnlyList<LineSeries> Series, string Unit = "",
    double Max = 100, IReadOnlyList<string?>? XSubLabels = null, string? Description = null)
{
    private const double Left = 52, Right = 240, Top = 16, PlotHeight = 240, Bottom = 52, PlotWidth = 460, LabelGap = 17;
    // Dark enough for 3:1 against white (WCAG 1.4.11), and distinguishable even in greyscale by dash and marker.
    private static readonly string[] Colours = ["#0017c1", "#b3261e", "#197a4b", "#8a5a00", "#5c10be", "#1a1a1a", "#00677f"];
    private static readonly string[] Dashes = ["", "8 4", "3 3", "10 3 3 3", "14 4", "2 5", "6 2 2 2"];

    public static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public string ToSvg()
    {
        var width = Left + PlotWidth + Right;
        var height = Top + PlotHeight + Bottom;
        var svg = new StringBuilder();
        var describedBy = Description is null ? "" : $" aria-describedby=\"{Id}-desc\"";
        svg.Append(CultureInfo.InvariantCulture, $"<svg width=\"100%\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{Id}-title\"{describedBy} focusable=\"false\" font-size=\"13\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{Id}-title\">{Encode(Title)}</title>");
        if (Description is not null) svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{Id}-desc\">{Encode(Description)}</desc>");

        // Y grid every 20 % of the scale, labelled on the left.
        for (var i = 0; i <= 5; i++)
        {
            var value = Max * i / 5;
            var y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left + PlotWidth}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"{(i == 0 ? "#767676" : "#d9d9d9")}\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" fill=\"#1a1a1a\">{value.ToString("0.#", CultureInfo.InvariantCulture)}{Encode(Unit)}</text>");
        }
        for (var i = 0; i < XLabels.Count; i++)
        {
            var x = X(i);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{Top + PlotHeight + 20}\" text-anchor=\"middle\" fill=\"#1a1a1a\">{Encode(XLabels[i])}</text>");
            if (XSubLabels?.ElementAtOrDefault(i) is { } sub)
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{Top + PlotHeight + 40}\" text-anchor=\"middle\" fill=\"#4d4d4d\">{Encode(sub)}</text>");
        }

        var labels = new List<(int Series, double X, double Y, string Text)>();
        for (var s = 0; s < Series.Count; s++)
        {
            var series = Series[s];
            var colour = Colours[s % Colours.Length];
            var points = series.Values.Select((v, i) => (Index: i, Value: v)).Where(p => p.Value is not null && p.Index < XLabels.Count)
                .Select(p => (X: X(p.Index), Y: Y(p.Value!.Value), Value: p.Value!.Value)).ToList();
            if (points.Count == 0) continue;
            var dash = Dashes[s % Dashes.Length];
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")} points=\"");
            svg.AppendJoin(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#},{p.Y:0.#}")));
            svg.Append("\"/>");
            foreach (var p in points) svg.Append(Marker(s, p.X, p.Y, colour));
            var last = points[^1];
            labels.Add((s, last.X, last.Y, $"{series.Label} {Number(last.Value)}{Unit}"));
        }

        // Direct labels right of the last points, pushed apart so none overlaps.
        var placed = labels.OrderBy(l => l.Y).ToList();
        var ys = placed.Select(l => l.Y).ToArray();
        for (var i = 1; i < ys.Length; i++) ys[i] = Math.Max(ys[i], ys[i - 1] + LabelGap);
        var overflow = ys.Length == 0 ? 0 : ys[^1] - (Top + PlotHeight + Bottom - 8);
        for (var i = 0; i < ys.Length && overflow > 0; i++) ys[i] -= overflow;
        var labelX = Left + PlotWidth + 14;
        for (var i = 0; i < placed.Count; i++)
        {
            var (s, _, _, text) = placed[i];
            var colour = Colours[s % Colours.Length];
            svg.Append(Marker(s, labelX, ys[i], colour));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelX + 10:0.#}\" y=\"{ys[i] + 4.5:0.#}\" fill=\"#1a1a1a\">{Encode(text)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private double X(int index) => XLabels.Count <= 1 ? Left + PlotWidth / 2 : Left + 16 + index * (PlotWidth - 32) / (XLabels.Count - 1);

    private double Y(double value) => Top + PlotHeight - Math.Clamp(value / (Max <= 0 ? 1 : Max), 0, 1) * PlotHeight;

    /// <summary>A different shape per line: circle, square, triangle, diamond, inverted triangle, cross, bar.</summary>
    private static string Marker(int series, double x, double y, string colour) => (series % 7) switch
    {
        0 => F($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"4.5\" fill=\"{colour}\"/>"),
        1 => F($"<rect x=\"{x - 4:0.#}\" y=\"{y - 4:0.#}\" width=\"8\" height=\"8\" fill=\"{colour}\"/>"),
        2 => F($"<polygon points=\"{x:0.#},{y - 6:0.#} {x + 5.5:0.#},{y + 4:0.#} {x - 5.5:0.#},{y + 4:0.#}\" fill=\"{colour}\"/>"),
        3 => F($"<polygon points=\"{x:0.#},{y - 6:0.#} {x + 6:0.#},{y:0.#} {x:0.#},{y + 6:0.#} {x - 6:0.#},{y:0.#}\" fill=\"{colour}\"/>"),
        4 => F($"<polygon points=\"{x:0.#},{y + 6:0.#} {x + 5.5:0.#},{y - 4:0.#} {x - 5.5:0.#},{y - 4:0.#}\" fill=\"{colour}\"/>"),
        5 => F($"<path d=\"M{x - 4.5:0.#} {y - 4.5:0.#}L{x + 4.5:0.#} {y + 4.5:0.#}M{x - 4.5:0.#} {y + 4.5:0.#}L{x + 4.5:0.#} {y - 4.5:0.#}\" stroke=\"{colour}\" stroke-width=\"2.5\"/>"),
        _ => F($"<rect x=\"{x - 6:0.#}\" y=\"{y - 2:0.#}\" width=\"12\" height=\"4\" fill=\"{colour}\"/>"),
    };

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
