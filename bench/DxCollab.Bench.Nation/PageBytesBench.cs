using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace DxCollab.Bench.Nation;

/// <summary>Bytes on the wire of every main page (the HTML document as sent with Accept-Encoding: br, gzip) and any
/// http(s) URL to another host that the page or its own stylesheets would load (src, link href, CSS url()/@import).
/// Links (&lt;a href&gt;) to other sites load nothing and are listed apart.</summary>
internal static partial class PageBytesBench
{
    public const int BudgetBytes = 150 * 1024;

    /// <summary>The main pages of a tenant; {survey} and {procurement} are the first ones linked from their lists.</summary>
    private static IEnumerable<(string Module, string Path)> TenantPages(Target t) =>
    [
        ("ホーム", $"/{t.Tenant}"), ("通知", $"/{t.Tenant}/notifications"),
        ("標準化", $"/{t.Tenant}/migration"), ("標準化", $"/{t.Tenant}/migration?view=step"),
        ("標準化", $"/{t.Tenant}/migration/{t.GridOrganization}"), ("標準化", $"/{t.Tenant}/migration/{t.GridOrganization}/3"),
        ("標準化", $"/{t.Tenant}/migration/insights"), ("標準化", $"/{t.Tenant}/migration/trend"), ("標準化", $"/{t.Tenant}/migration/inquiries"),
        ("標準化", $"/{t.Tenant}/migration/import"),
        ("照会", $"/{t.Tenant}/surveys"), ("照会", "{survey}"), ("照会", "{survey}/status"), ("照会", "{survey}/results"),
        ("人材プール", $"/{t.Tenant}/talent"), ("人材プール", $"/{t.Tenant}/talent/dashboard"), ("人材プール", $"/{t.Tenant}/talent/experts"),
        ("人材プール", $"/{t.Tenant}/talent/requests"),
        ("共同調達", $"/{t.Tenant}/procurement"), ("共同調達", "{procurement}"), ("共同調達", "{procurement}/documents"),
        ("共同調達", $"/{t.Tenant}/procurement/catalogue"),
        ("管理", $"/{t.Tenant}/admin/users"), ("管理", $"/{t.Tenant}/admin/audit"),
    ];

    private static readonly (string Module, string Path)[] OpsPages = [("運用", "/ops"), ("運用", "/ops/migration"), ("運用", "/ops/surveys")];

    public static async Task RunAsync(BenchOptions o, Report report, string where, Target t, Session pages, Session? ops)
    {
        report.Heading($"Bytes on the wire of the main pages — {where}");
        var discovered = new Dictionary<string, string?>
        {
            ["{survey}"] = await FirstLinkAsync(pages, $"/{t.Tenant}/surveys", $"/{t.Tenant}/surveys/(\\d+)"),
            ["{procurement}"] = await FirstLinkAsync(pages, $"/{t.Tenant}/procurement", $"/{t.Tenant}/procurement/(\\d+)"),
        };
        report.Line("Each page fetched once more after a first request, with `Accept-Encoding: br, gzip`, as the prefecture administrator "
                + "(/ops pages as the NationalViewer). Bytes = the HTML body as sent (headers and cached CSS/JS not counted). External = an http(s) "
                + "URL to another host in src, link href or the page's own CSS (url(), @import); links to other sites (a href) load nothing and are listed apart.")
            .Line()
            .Line("| module | page | status | encoding | bytes on the wire | HTML bytes | external loads | links to other sites |")
            .Line("|---|---|---|---|---|---|---|---|");
        var largest = (Path: "", Bytes: 0L);
        var external = new List<string>();
        var measured = 0;
        var all = TenantPages(t).Select(p => (p.Module, p.Path, Session: pages)).ToList();
        if (ops is not null) all.AddRange(OpsPages.Select(p => (p.Module, p.Path, Session: ops)));
        foreach (var (module, template, session) in all)
        {
            var path = template;
            foreach (var (key, value) in discovered) if (path.Contains(key, StringComparison.Ordinal)) path = value is null ? "" : path.Replace(key, value, StringComparison.Ordinal);
            if (path.Length == 0)
            {
                report.Line($"| {module} | {template} | – | – | – | – | no such item in this data | |");
                continue;
            }
            using (await session.Client.GetAsync(path)) { }
            using var response = await session.Client.GetAsync(path);
            var wire = await response.Content.ReadAsByteArrayAsync();
            var encoding = string.Join(",", response.Content.Headers.ContentEncoding);
            var html = Decode(wire, encoding);
            var (loads, links) = await ExternalAsync(session, html);
            var status = (int)response.StatusCode;
            report.Line(FormattableString.Invariant(
                $"| {module} | `{path}` | {status} | {(encoding.Length == 0 ? "none" : encoding)} | {wire.Length:N0} | {Encoding.UTF8.GetByteCount(html):N0} | {(loads.Count == 0 ? "0" : string.Join(" ", loads))} | {links.Count} |"));
            if (status != 200) continue;
            measured++;
            if (wire.Length > largest.Bytes) largest = (path, wire.Length);
            external.AddRange(loads.Select(l => $"{path}: {l}"));
            if (wire.Length > BudgetBytes)
                report.Budget(new($"Page bytes `{path}`, {where}", FormattableString.Invariant($"{wire.Length / 1024.0:0.0} KB"), "–", "≤ 150 KB", Outcome.Missed,
                    FormattableString.Invariant($"this page sends {wire.Length / 1024.0:0.0} KB compressed ({Encoding.UTF8.GetByteCount(html) / 1024.0:0} KB of HTML).")));
        }
        if (measured == 0)
        {
            report.Unmeasured($"Page bytes, {where}", "≤ 150 KB each", "no page answered 200");
            return;
        }
        report.Line();
        report.Budget(new($"Largest page on the wire, {where}", FormattableString.Invariant($"{largest.Bytes / 1024.0:0.0} KB (`{largest.Path}`)"),
            FormattableString.Invariant($"{measured} pages"), "≤ 150 KB each", largest.Bytes <= BudgetBytes ? Outcome.Met : Outcome.Missed,
            "see the lines per page above."));
        report.Budget(new($"External requests from the main pages, {where}", external.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "–", "0", external.Count == 0 ? Outcome.Met : Outcome.Missed, "the pages load: " + string.Join(", ", external.Distinct().Take(10))));
    }

    private static async Task<string?> FirstLinkAsync(Session session, string list, string pattern)
    {
        using var response = await session.Client.GetAsync(list);
        if (!response.IsSuccessStatusCode) return null;
        var html = Encoding.UTF8.GetString(await Session.BodyAsync(response));
        var match = Regex.Match(html, $"href=\"({pattern})[\"/?]");
        return match.Success ? match.Groups[1].Value : null;
    }

    public static string Decode(byte[] body, string encoding)
    {
        using Stream raw = new MemoryStream(body);
        using Stream text = encoding switch
        {
            "br" => new BrotliStream(raw, CompressionMode.Decompress),
            "gzip" => new GZipStream(raw, CompressionMode.Decompress),
            _ => raw,
        };
        using var reader = new StreamReader(text, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static readonly Dictionary<string, List<string>> CssCache = [];

    /// <summary>External loads of the page and of its own (same-host) stylesheets; anchors to other hosts apart.</summary>
    private static async Task<(List<string> Loads, List<string> Links)> ExternalAsync(Session session, string html)
    {
        var loads = new List<string>();
        var links = new List<string>();
        foreach (Match tag in Tag().Matches(html))
        {
            var (name, url) = (tag.Groups[1].Value.ToLowerInvariant(), tag.Groups[3].Value);
            if (IsExternal(url)) (name == "a" ? links : loads).Add(Host(url));
            else if (name == "link" && tag.Value.Contains("stylesheet", StringComparison.Ordinal) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
            {
                if (!CssCache.TryGetValue(url, out var fromCss))
                {
                    using var css = await session.Client.GetAsync(url);
                    var text = Encoding.UTF8.GetString(await Session.BodyAsync(css));
                    CssCache[url] = fromCss = CssUrls(text);
                }
                loads.AddRange(fromCss);
            }
        }
        foreach (Match style in Style().Matches(html)) loads.AddRange(CssUrls(style.Groups[1].Value));
        return (loads, links);
    }

    private static List<string> CssUrls(string css) =>
        [.. CssUrl().Matches(css).Select(m => m.Groups[1].Value).Where(IsExternal).Select(Host)];

    private static bool IsExternal(string url)
    {
        var u = url.Trim();
        if (!(u.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || u.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || u.StartsWith("//", StringComparison.Ordinal)))
            return false;
        var host = Host(u);
        return host is not ("127.0.0.1" or "localhost");
    }

    private static string Host(string url) => Uri.TryCreate(url.StartsWith("//", StringComparison.Ordinal) ? "http:" + url : url, UriKind.Absolute, out var u) ? u.Host : url;

    [GeneratedRegex("<(\\w+)\\b[^>]*?\\s(src|href)\\s*=\\s*[\"']([^\"']*)[\"'][^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Style();

    [GeneratedRegex("(?:url\\(\\s*[\"']?|@import\\s+[\"'])([^\"')\\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CssUrl();
}
