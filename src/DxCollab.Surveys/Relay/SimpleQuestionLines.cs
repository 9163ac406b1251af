using DxCollab.Surveys.Forms;

namespace DxCollab.Surveys.Relay;

/// <summary>Questions typed one per line on the no-JavaScript forms of the relay pages:
/// 「数: 設問文（単位）」 an integer, 「択: 設問文 | 選択肢A / 選択肢B」 a single choice, any other line a short text.</summary>
public static class SimpleQuestionLines
{
    public const string Hint = "1 行に 1 問。「数: 職員数（人）」は整数、「択: 生成AIを利用していますか | 導入済み / 実証中 / 未導入」は選択式、それ以外は短い文章で答える設問になります。";

    public static List<Question> Parse(string? text, string keyPrefix)
    {
        var lines = (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        return [.. lines.Select((line, i) => ParseLine(line, $"{keyPrefix}{i + 1}"))];
    }

    private static Question ParseLine(string line, string key)
    {
        if (StripPrefix(line, "数") is { } number)
        {
            var unit = number.EndsWith('）') && number.LastIndexOf('（') is var open and > 0 ? number[(open + 1)..^1] : null;
            return new Question { Key = key, Type = QuestionType.Integer, Text = unit is null ? number : number[..number.LastIndexOf('（')].Trim(), Unit = unit, Min = 0 };
        }
        if (StripPrefix(line, "択") is { } choice && choice.Split('|', 2) is [var text, var options])
            return new Question
            {
                Key = key, Type = QuestionType.SingleChoice, Text = text.Trim(),
                Options = [.. options.Split('/').Select(o => o.Trim()).Where(o => o.Length > 0).Select((o, i) => new ChoiceOption($"c{i + 1}", o))],
            };
        return new Question { Key = key, Type = QuestionType.ShortText, Text = line };
    }

    private static string? StripPrefix(string line, string prefix)
    {
        foreach (var colon in new[] { ":", "：" })
            if (line.StartsWith(prefix + colon, StringComparison.Ordinal)) return line[(prefix.Length + 1)..].Trim();
        return null;
    }
}
