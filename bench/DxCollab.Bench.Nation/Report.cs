using System.Text;

namespace DxCollab.Bench.Nation;

internal enum Outcome { Met, Missed, Unmeasured }

/// <summary>One budget line of the summary: the figure, its baseline in the same run, the limit and what a miss means.</summary>
internal sealed record BudgetLine(string What, string Measured, string Baseline, string Limit, Outcome Outcome, string? Meaning = null);

/// <summary>The Markdown report: a summary table of every budget, then what each miss means, then each section's detail.</summary>
internal sealed class Report
{
    private readonly List<BudgetLine> _lines = [];
    private readonly StringBuilder _details = new();

    public IReadOnlyList<BudgetLine> Lines => _lines;

    public void Budget(BudgetLine line)
    {
        _lines.Add(line);
        Console.WriteLine($"[{line.Outcome}] {line.What}: {line.Measured} (baseline {line.Baseline}; budget {line.Limit})");
    }

    public void Unmeasured(string what, string limit, string reason) => Budget(new(what, "–", "–", limit, Outcome.Unmeasured, reason));

    public Report Heading(string title)
    {
        _details.AppendLine().AppendLine("## " + title).AppendLine();
        Console.WriteLine("== " + title);
        return this;
    }

    public Report Line(string text = "")
    {
        _details.AppendLine(text);
        return this;
    }

    public int ExitCode => _lines.Any(l => l.Outcome == Outcome.Missed) ? 1 : _lines.Any(l => l.Outcome == Outcome.Unmeasured) ? 2 : 0;

    public string Render(string header)
    {
        var text = new StringBuilder(header).AppendLine()
            .AppendLine("## Budgets").AppendLine()
            .AppendLine("| what | measured | baseline (same run) | budget | result |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var l in _lines)
            text.AppendLine($"| {l.What} | {l.Measured} | {l.Baseline} | {l.Limit} | {Word(l.Outcome)} |");
        var met = _lines.Count(l => l.Outcome == Outcome.Met);
        text.AppendLine().AppendLine(FormattableString.Invariant(
            $"{met} of {_lines.Count} met, {_lines.Count(l => l.Outcome == Outcome.Missed)} missed, {_lines.Count(l => l.Outcome == Outcome.Unmeasured)} not measured (exit code {ExitCode})."));
        var notes = _lines.Where(l => l.Outcome != Outcome.Met && l.Meaning is not null).ToList();
        if (notes.Count > 0)
        {
            text.AppendLine().AppendLine("## Missed or not measured: what it means").AppendLine();
            foreach (var l in notes) text.AppendLine($"- **{l.What}** ({Word(l.Outcome)}): {l.Meaning}");
        }
        return text.Append(_details).ToString();
    }

    private static string Word(Outcome outcome) => outcome switch { Outcome.Met => "met", Outcome.Missed => "**MISSED**", _ => "not measured" };
}
