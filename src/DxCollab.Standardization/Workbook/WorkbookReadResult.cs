namespace DxCollab.Standardization.Workbook;

/// <summary>A problem found while reading a workbook. <see cref="LineNumber"/> is the 1-based row of the sheet
/// (or line of the CSV file); null for a file-level problem. <see cref="StepId"/> names the step column of an
/// unknown status. <see cref="Message"/> is Japanese, ready to show.</summary>
public sealed record WorkbookError(int? LineNumber, string Message, string? StepId = null)
{
    public bool IsFileLevel => LineNumber is null;

    public override string ToString() => LineNumber is { } line ? $"{line}行目: {Message}" : Message;
}

/// <summary>A row read from a workbook with the line it was on.</summary>
public sealed record WorkbookReadRow(int LineNumber, WorkbookRow Row);

/// <summary>What <see cref="WorkbookReader"/> found. <see cref="Rows"/> holds only the rows without errors;
/// a row with an error is left out and reported in <see cref="Errors"/>. After a file-level error
/// (<see cref="HasFileError"/>) no rows are read.</summary>
public sealed class WorkbookReadResult
{
    internal WorkbookReadResult(IReadOnlyList<WorkbookReadRow> rows, IReadOnlyList<WorkbookError> errors,
        int? headerLineNumber, IReadOnlyList<string> ignoredColumns)
    {
        Rows = rows;
        Errors = errors;
        HeaderLineNumber = headerLineNumber;
        IgnoredColumns = ignoredColumns;
    }

    public IReadOnlyList<WorkbookReadRow> Rows { get; }
    public IReadOnlyList<WorkbookError> Errors { get; }
    /// <summary>The line of the header row, when one was found.</summary>
    public int? HeaderLineNumber { get; }
    /// <summary>Header texts of columns that are not part of the layout (ignored).</summary>
    public IReadOnlyList<string> IgnoredColumns { get; }

    /// <summary>All errors found; <see cref="Errors"/> keeps at most <see cref="WorkbookReader.MaxErrors"/> of them.</summary>
    public int TotalErrorCount { get; init; }
    public bool ErrorsTruncated => TotalErrorCount > Errors.Count;

    public bool Succeeded => Errors.Count == 0;
    public bool HasFileError => Errors.Any(e => e.IsFileLevel);
}
