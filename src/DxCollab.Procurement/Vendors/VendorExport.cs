using DxCollab.Platform.Text;

namespace DxCollab.Procurement.Vendors;

/// <summary>The published Q&amp;A as sent to every vendor alike: numbered 質問1, 質問2 … in the order received, and without
/// the asking vendor's name — the heading says so, so no one wonders whether it was left out by mistake.</summary>
public static class VendorExport
{
    public const string QuestionHeader = "質問（質問した事業者名は記載していません。全事業者に同じ一覧をお送りしています）";

    public static readonly IReadOnlyList<string> Headers = ["番号", "段階", QuestionHeader, "回答", "受付日", "回答公開日"];

    public static IEnumerable<IReadOnlyList<object?>> Rows(IReadOnlyList<VendorQuestion> published) =>
        published.Select((q, i) => (IReadOnlyList<object?>)
        [
            $"質問{i + 1}", q.Stage.ToJapanese(), q.Question, q.Answer, JapaneseCalendar.FormatWithWestern(q.ReceivedOn),
            q.PublishedAt is { } at ? JapaneseCalendar.FormatWithWestern(JapaneseCalendar.TokyoDate(at)) : null,
        ]);

    public static string FileName(string workspaceTitle, string extension) => $"{SafeName(workspaceTitle)}_質問回答.{extension}";

    /// <summary>A title as part of a file name: characters no file system accepts become 「_」.</summary>
    public static string SafeName(string text) =>
        new([.. text.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c)]);
}
