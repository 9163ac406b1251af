namespace DxCollab.Procurement.Costs;

public sealed record CostMemberInput(string? OrganizationCode, long? Population);

/// <summary>A split to compute (and, on save, keep). <see cref="Members"/> omitted: every active lead body and member (not
/// observers), with no populations. <see cref="PopulationPercent"/> may be omitted (100 − 均等割).</summary>
public sealed record CostShareInput(string? Title, long? InitialCost, long? AnnualCost, int? EqualPercent, int? PopulationPercent,
    string? RemainderOrganizationCode, long? DecisionId, IReadOnlyList<CostMemberInput>? Members);

public sealed record CostLineView(string OrganizationCode, string OrganizationName, long Population, long InitialShare, long AnnualShare,
    bool TakesRemainder);

public sealed record CostShareView(long Id, long WorkspaceId, string Title, long InitialCost, long AnnualCost, int EqualPercent, int PopulationPercent,
    string RemainderOrganizationCode, string RemainderOrganizationName, string RoundingRule, long? DecisionId, long TotalPopulation,
    DateTime CreatedAt, string CreatedBy, IReadOnlyList<CostLineView> Lines);

public sealed record CostShareSummary(long Id, string Title, long InitialCost, long AnnualCost, int EqualPercent, int PopulationPercent,
    int Members, long? DecisionId, DateTime CreatedAt, string CreatedBy);

public sealed record CostShareList(long WorkspaceId, string WorkspaceTitle, bool MayManage, IReadOnlyList<CostShareSummary> Shares);

public static class CostRules
{
    /// <summary>The rounding rule as shown beside every split and in its export.</summary>
    public static string RoundingRule(string remainderName) =>
        $"各団体の負担額は1円未満を切り捨て、切り捨てで残った端数（合計との差額）は{remainderName}が負担します。負担額の合計は総額と1円単位で一致します。";
}

/// <summary>A member that pays (the lead body or a member), as the calculator's form lists it.</summary>
public sealed record CostPayer(string OrganizationCode, string OrganizationName, bool IsLead);
