using System.Text;

namespace DxCollab.IntegrationTests.Api.AccessMatrix;

/// <summary>docs/access-matrix.md: the policy table rendered as the access policy (operation × caller).</summary>
public static class AccessMatrixDocument
{
    public const string RelativePath = "docs/access-matrix.md";
    public const string WriteVariable = "DXCOLLAB_WRITE_ACCESS_MATRIX";

    public static string Render(IReadOnlyDictionary<string, Rule> rules)
    {
        var text = new StringBuilder();
        text.Append("""
            # Access matrix (API)

            Who may call each operation of `/openapi/v1.json`. This file is generated from
            `tests/DxCollab.IntegrationTests/Api/AccessMatrix/AccessPolicy.cs`, and `AuthorisationMatrixTests` calls every
            operation as every caller below and fails when the product answers otherwise, when an operation of the document is
            missing from the table, or when this file differs from the table. After changing the table, regenerate it:
            `DXCOLLAB_WRITE_ACCESS_MATRIX=1 dotnet test tests/DxCollab.IntegrationTests --filter AuthorisationMatrixTests`.

            The rows called belong to osaka and to 豊中市 (a survey with a response, a closed survey for its 還元, an inquiry
            with an attachment, 証跡, a support request assigned to an expert, a procurement workspace led by 豊中市 with an
            invited 団体, a document, a milestone and a vendor question); operations whose row the test does not make are called
            with a well-formed id of no row. Operations run reads first, then changes, then those that close or remove rows; for each operation the
            callers to be refused go first, so they meet the row as it was made.

            How the product refuses: 403 when the caller's role may never do it (a ProblemDetails saying who may), 404 when the
            row is one the caller may not see — another 団体's inquiry, 証跡, survey response or support request, a workspace
            without a seat, a 参加団体限り document — so that its existence is not told. Listing by 団体 (e.g. the 証跡 of a
            step of another 団体) is 403. Allowed is not "every field": what a caller sees of another 団体's data (rates and
            statuses yes; reasons, notes, 証跡 and people's names no) is [visibility.md](visibility.md), which the product
            applies by withholding fields, not by refusing the call.

            Cells: **✓** allowed (the product answers anything but 401/403: 2xx, or 400/404/409/422 about the input or the
            row's state); **401** not signed in; **403** refused; **404** refused without telling that the row exists;
            **⚠** a known gap (see the notes below the table); **†** called with an id of no row (the row is not cheap to make),
            so "allowed" there means the product answered about the row (404), not that the call succeeded. The document called
            is 参加団体限り, which the prefecture's staff do not see unless their 大阪府 has a seat. Never a 5xx, for anyone; a refusal is a ProblemDetails or empty,
            never data. A user of another tenant is refused (403) on every path of osaka before any handler runs; host users
            (国, 運用) act only on host-level paths, prefecture users never on those.

            Callers:

            """);
        text.Append('\n');
        foreach (var caller in Callers.All) text.Append($"- **{Callers.Heading(caller)}**: {Callers.Describe(caller)}\n");
        text.Append('\n');
        text.Append("| operation | ").Append(string.Join(" | ", Callers.All.Select(Callers.Heading))).Append(" |\n");
        text.Append("|---|").Append(string.Concat(Callers.All.Select(_ => "---|"))).Append('\n');
        var notes = new List<string>();
        foreach (var (key, rule) in rules.OrderBy(r => Path(r.Key), StringComparer.Ordinal).ThenBy(r => MethodOrder(r.Key)))
        {
            var mark = rule.NoRow ? " †" : "";
            if (rule.Gap is not null)
            {
                notes.Add(rule.Gap);
                mark = $" ⚠{notes.Count}";
            }
            text.Append($"| `{key}`{mark} | ").Append(string.Join(" | ", Callers.All.Select(c => Cell(rule.For(c))))).Append(" |\n");
        }
        if (notes.Count > 0)
        {
            text.Append("\n## Known gaps\n\n");
            for (var i = 0; i < notes.Count; i++) text.Append($"{i + 1}. {notes[i]}\n");
        }
        return text.ToString();
    }

    private static string Path(string key) => key[(key.IndexOf(' ') + 1)..];

    private static int MethodOrder(string key) => key[..key.IndexOf(' ')] switch { "GET" => 0, "POST" => 1, "PUT" => 2, "PATCH" => 3, _ => 4 };

    private static string Cell(Expected expected) => expected switch
    {
        Expected.Allowed => "✓",
        Expected.Unauthenticated => "401",
        Expected.Forbidden => "403",
        _ => "404",
    };

    /// <summary>The repository's root (where DxCollab.sln is), found from the test's output folder.</summary>
    public static string RepositoryFile()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "DxCollab.sln")))
                return System.IO.Path.Combine(folder.FullName, RelativePath);
        throw new InvalidOperationException("DxCollab.sln not found above " + AppContext.BaseDirectory);
    }
}
