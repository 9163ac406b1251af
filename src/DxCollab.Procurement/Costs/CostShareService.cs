using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Procurement.Domain;
using DxCollab.Procurement.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Costs;

/// <summary>Cost splits of a workspace: any reader may try the calculator; the lead body saves a split (with a title and,
/// optionally, the decision of the register it belongs to); every reader sees the saved ones.</summary>
public sealed class CostShareService(DxCollabDbContext db, TimeProvider clock, WorkspaceService workspaces)
{
    private const string Missing = "共同調達が見つかりません。";

    public async Task<Outcome<CostShareList>> ListAsync(long workspaceId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<CostShareList>.NotFound(Missing);
        var shares = await db.Set<CostShare>().AsNoTracking().Where(s => s.WorkspaceId == workspaceId).OrderByDescending(s => s.Id).ToListAsync(ct);
        var ids = shares.Select(s => s.Id).ToList();
        var counts = await db.Set<CostShareLine>().AsNoTracking().Where(l => ids.Contains(l.CostShareId)).GroupBy(l => l.CostShareId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return Outcome<CostShareList>.Ok(new(workspace.Id, workspace.Title, seat.MayManage, [.. shares.Select(s => new CostShareSummary(s.Id, s.Title,
            s.InitialCost, s.AnnualCost, s.EqualPercent, s.PopulationPercent, counts.GetValueOrDefault(s.Id), s.DecisionId, s.CreatedAt, s.CreatedBy))]));
    }

    public async Task<Outcome<CostShareView>> GetAsync(long workspaceId, long shareId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, _) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<CostShareView>.NotFound(Missing);
        var share = await db.Set<CostShare>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == shareId && s.WorkspaceId == workspaceId, ct);
        if (share is null) return Outcome<CostShareView>.NotFound("費用按分が見つかりません。");
        var lines = await db.Set<CostShareLine>().AsNoTracking().Where(l => l.CostShareId == shareId).OrderBy(l => l.OrganizationCode).ToListAsync(ct);
        return Outcome<CostShareView>.Ok(View(share, lines));
    }

    /// <summary>Who pays in a workspace (the active lead body and members, not observers), for the calculator's form.</summary>
    public async Task<Outcome<IReadOnlyList<CostPayer>>> PayersAsync(long workspaceId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, _) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<IReadOnlyList<CostPayer>>.NotFound(Missing);
        var rows = await PayingAsync(workspaceId, ct);
        return Outcome<IReadOnlyList<CostPayer>>.Ok([.. rows.OrderBy(m => m.OrganizationCode)
            .Select(m => new CostPayer(m.OrganizationCode, m.OrganizationName, m.OrganizationCode == workspace.LeadOrganizationCode))]);
    }

    /// <summary>Reads a 団体コード,人口 file for the calculator: every row must be a paying member of the workspace. Nothing is
    /// kept; the populations fill the form (or an API client's next preview).</summary>
    public async Task<Outcome<IReadOnlyList<CostMemberInput>>> ReadPopulationsAsync(long workspaceId, Stream file, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var (workspace, _) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<IReadOnlyList<CostMemberInput>>.NotFound(Missing);
        var (rows, error) = await PopulationFile.ReadAsync(file, ct);
        if (rows is null) return Outcome<IReadOnlyList<CostMemberInput>>.Invalid("file", error!);
        var paying = (await PayingAsync(workspaceId, ct)).Select(m => m.OrganizationCode).ToHashSet();
        if (rows.FirstOrDefault(r => !paying.Contains(r.Code)) is { } stranger)
            return Outcome<IReadOnlyList<CostMemberInput>>.Invalid("file", $"{stranger.Line}行目: 団体コード{stranger.Code}は、この共同調達の費用を負担する参加団体ではありません。");
        return Outcome<IReadOnlyList<CostMemberInput>>.Ok([.. rows.Select(r => new CostMemberInput(r.Code, r.Population))]);
    }

    private Task<List<WorkspaceMember>> PayingAsync(long workspaceId, CancellationToken ct) => db.Set<WorkspaceMember>().AsNoTracking()
        .Where(m => m.WorkspaceId == workspaceId && m.State == MemberState.Active && m.Role != MemberRole.Observer).ToListAsync(ct);

    /// <summary>Computes a split without keeping it (the calculator).</summary>
    public async Task<Outcome<CostShareView>> PreviewAsync(long workspaceId, CostShareInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, _) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<CostShareView>.NotFound(Missing);
        var computed = await ComputeAsync(workspace, input, requireTitle: false, user, ct);
        return computed.Succeeded ? Outcome<CostShareView>.Ok(View(computed.Value.Share, computed.Value.Lines)) : computed.As<CostShareView>();
    }

    public async Task<Outcome<CostShareView>> SaveAsync(long workspaceId, CostShareInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<CostShareView>.NotFound(Missing);
        if (!seat.MayManage) return Outcome<CostShareView>.Forbidden("費用按分を保存できるのは代表団体です。");
        var computed = await ComputeAsync(workspace, input, requireTitle: true, user, ct);
        if (!computed.Succeeded) return computed.As<CostShareView>();
        var (share, lines) = computed.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(share);
        await db.SaveChangesAsync(ct);
        foreach (var line in lines) line.CostShareId = share.Id;
        db.AddRange(lines);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<CostShareView>.Ok(View(share, lines));
    }

    private async Task<Outcome<(CostShare Share, List<CostShareLine> Lines)>> ComputeAsync(Workspace workspace, CostShareInput input, bool requireTitle,
        ClaimsPrincipal user, CancellationToken ct)
    {
        static Outcome<(CostShare, List<CostShareLine>)> Invalid(string field, string message) => Outcome<(CostShare, List<CostShareLine>)>.Invalid(field, message);
        if (InputRefusals.Text<(CostShare, List<CostShareLine>)>("title", input.Title) is { } refused) return refused;
        var title = JapaneseText.Clean(input.Title);
        if (requireTitle && title is null) return Invalid("title", "按分の名称（例: 初期費用・年額の按分 令和8年度）を入力してください。");
        if (title is { Length: > 200 }) return Invalid("title", "名称は200文字以内で入力してください。");
        if (input.InitialCost is not { } initial || initial is < 0 or > CostSplit.MaxTotal)
            return Invalid("initialCost", "初期費用の総額を0円以上1兆円以下の整数（円）で入力してください。");
        if (input.AnnualCost is not { } annual || annual is < 0 or > CostSplit.MaxTotal)
            return Invalid("annualCost", "年額（運用費）の総額を0円以上1兆円以下の整数（円）で入力してください。");
        if (input.EqualPercent is not { } equal || equal is < 0 or > 100)
            return Invalid("equalPercent", "均等割の割合を0〜100（%）の整数で入力してください。");
        if (input.PopulationPercent is { } population && population != 100 - equal)
            return Invalid("populationPercent", $"均等割と人口割の合計は100%にしてください（均等割{equal}%なら人口割{100 - equal}%）。");
        if (input.DecisionId is { } decision
            && !await db.Set<Documents.Decision>().AnyAsync(d => d.Id == decision && d.WorkspaceId == workspace.Id, ct))
            return Invalid("decisionId", $"決定事項（番号 {decision}）はこの共同調達の決定事項一覧にありません。");

        // Who pays: the active lead body and members (observers pay nothing), this tenant's and other prefectures'.
        var paying = await PayingAsync(workspace.Id, ct);
        var byCode = paying.ToDictionary(m => m.OrganizationCode);
        var members = input.Members ?? [.. paying.OrderBy(m => m.OrganizationCode).Select(m => new CostMemberInput(m.OrganizationCode, 0))];
        if (members.Any(m => m is null)) return Invalid("members", "負担する団体の一覧に空の行があります。");
        var parties = new List<CostParty>();
        foreach (var m in members)
        {
            var code = m.OrganizationCode?.Trim() ?? "";
            if (!byCode.ContainsKey(code)) return Invalid("members", $"団体コード「{code}」は、この共同調達の費用を負担する参加団体ではありません。");
            parties.Add(new CostParty(code, m.Population ?? 0));
        }
        var remainder = string.IsNullOrWhiteSpace(input.RemainderOrganizationCode) ? workspace.LeadOrganizationCode : input.RemainderOrganizationCode.Trim();
        if (CostSplit.Problem(initial, equal, parties, remainder) is { } problem) return Invalid(problem.Field, problem.Message);

        var initialShares = CostSplit.Split(initial, equal, parties, remainder);
        var annualShares = CostSplit.Split(annual, equal, parties, remainder);
        var share = new CostShare
        {
            WorkspaceId = workspace.Id, Title = title ?? "試算", InitialCost = initial, AnnualCost = annual, EqualPercent = equal,
            PopulationPercent = 100 - equal, RemainderOrganizationCode = remainder, DecisionId = input.DecisionId,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.ActorLabel(),
        };
        var lines = parties.Select((p, i) => new CostShareLine
        {
            OrganizationCode = p.OrganizationCode, OrganizationName = byCode[p.OrganizationCode].OrganizationName, Population = p.Population,
            InitialShare = initialShares[i].Share, AnnualShare = annualShares[i].Share, TakesRemainder = initialShares[i].TakesRemainder,
        }).OrderBy(l => l.OrganizationCode).ToList();
        return Outcome<(CostShare, List<CostShareLine>)>.Ok((share, lines));
    }

    private static CostShareView View(CostShare s, IReadOnlyList<CostShareLine> lines)
    {
        var remainderName = lines.FirstOrDefault(l => l.TakesRemainder)?.OrganizationName ?? s.RemainderOrganizationCode;
        return new(s.Id, s.WorkspaceId, s.Title, s.InitialCost, s.AnnualCost, s.EqualPercent, s.PopulationPercent, s.RemainderOrganizationCode,
            remainderName, CostRules.RoundingRule(remainderName), s.DecisionId, lines.Sum(l => l.Population), s.CreatedAt, s.CreatedBy,
            [.. lines.Select(l => new CostLineView(l.OrganizationCode, l.OrganizationName, l.Population, l.InitialShare, l.AnnualShare, l.TakesRemainder))]);
    }
}
