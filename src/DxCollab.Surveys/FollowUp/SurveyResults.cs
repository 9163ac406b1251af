using DxCollab.Surveys.Domain;

namespace DxCollab.Surveys.FollowUp;

/// <summary>The aggregate of one survey over its SUBMITTED responses, question by question (hidden questions of a
/// respondent are left out of its count, as if never asked).</summary>
public sealed record SurveyResults(long SurveyId, string Title, int RosterCount, int SubmittedCount, IReadOnlyList<QuestionResult> Questions)
{
    /// <summary>The submitted respondents (団体コード order), each answer viewable on its own page.</summary>
    public IReadOnlyList<RosterEntry> Submitted { get; init; } = [];
}

/// <summary>One question's aggregate. <see cref="Answered"/> counts the submitted respondents who saw the question and
/// answered it; only the part matching the question's type is set.</summary>
public sealed record QuestionResult(string Key, string Section, string Text, string Type, int Answered)
{
    public IReadOnlyList<ChoiceCount>? Choices { get; init; }
    /// <summary>「その他」 texts with the 団体 that wrote them (staff only; never sent back to respondents).</summary>
    public IReadOnlyList<RespondentText>? OtherTexts { get; init; }
    public NumberSummary? Numbers { get; init; }
    public IReadOnlyList<TableRowTotal>? Table { get; init; }
    public IReadOnlyList<TableColumnTotal>? TableColumns { get; init; }
    /// <summary>Text, date and file answers listed per 団体 (staff only).</summary>
    public IReadOnlyList<RespondentText>? Texts { get; init; }
    public string? Unit { get; init; }
}

/// <summary>An option (or はい／いいえ, or その他) with its count and share of the answered respondents (%, 1 decimal).</summary>
public sealed record ChoiceCount(string Value, string Label, int Count, double Percent);

/// <summary>n, sum, mean, median, min, max and a distribution in equal-width bins (the last bin includes its upper edge).
/// Min and max are left out (null) of what goes back to respondents: the largest figure is usually one 団体's own.</summary>
public sealed record NumberSummary(int Count, decimal Sum, decimal Mean, decimal Median, decimal? Min, decimal? Max, IReadOnlyList<NumberBin> Bins);

public sealed record NumberBin(string Label, decimal From, decimal To, int Count);

public sealed record RespondentText(string Code, string Name, string Text);

/// <summary>A table question summed per row: the total of each numeric column and of the whole row.</summary>
public sealed record TableRowTotal(string RowKey, string Label, IReadOnlyDictionary<string, decimal> Columns, decimal Total);

public sealed record TableColumnTotal(string ColumnKey, string Label, decimal Total);
