namespace DxCollab.Procurement.Vendors;

public sealed record RfiItemInput(string? Name, string? Description);

public sealed record RfiAnswerInput(long? ItemId, string? VendorName, string? Answer);

public sealed record RfiItemView(long Id, int Position, string Name, string? Description);

/// <summary>One row of the matrix: the item and each vendor's answer in <see cref="RfiMatrix.Vendors"/> order (null: not answered).</summary>
public sealed record RfiRow(RfiItemView Item, IReadOnlyList<string?> Answers);

/// <summary>Items × vendors. The vendors are the columns, in the order their first answer was recorded.</summary>
public sealed record RfiMatrix(long WorkspaceId, string WorkspaceTitle, bool MayManage, IReadOnlyList<string> Vendors, IReadOnlyList<RfiRow> Rows);
