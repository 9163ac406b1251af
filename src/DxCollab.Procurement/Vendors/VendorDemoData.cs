using DxCollab.Platform.Audit;
using DxCollab.Platform.Data;
using DxCollab.Platform.Files;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Text;
using DxCollab.Procurement.Catalogue;
using DxCollab.Procurement.Costs;
using DxCollab.Procurement.Documents;
using DxCollab.Procurement.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Procurement.Vendors;

/// <summary>Demo mode, osaka: in 「ビジネスチャット共同調達」 (opened by the Workspaces slice's demo) vendor questions with answers
/// (some published), an RFI matrix of three vendors and a cost split 均等割30:人口割70 of its paying members; and one
/// finished case, 「RPA共同調達（令和6年度）」, published to the catalogue through the outbox like any other. Fixed figures;
/// does nothing the second time.</summary>
public sealed class VendorDemoData(TimeProvider clock) : IDemoDataContributor
{
    public const string Tenant = "osaka", ChatTitle = "ビジネスチャット共同調達", RpaTitle = "RPA共同調達（令和6年度）";
    private const string Actor = "デモデータ";

    public IReadOnlyCollection<Type> RunsAfter { get; } = [typeof(Demo.ProcurementDemoWorkspaces)];

    /// <summary>Populations for the demo (令和2年国勢調査による概数。デモ用); a member not listed counts 30,000.</summary>
    private static readonly Dictionary<string, long> Populations = new()
    {
        ["271004"] = 2_752_412, ["271403"] = 826_161, ["272035"] = 401_558, ["272051"] = 385_567, ["272078"] = 348_265, ["272108"] = 397_289,
        ["272116"] = 287_730, ["272272"] = 493_940, ["272124"] = 264_642, ["272132"] = 98_000, ["272141"] = 108_699, ["272159"] = 229_733,
        ["273830"] = 4_812, ["270008"] = 0,
    };

    public async Task SeedAsync(PrefectureTenant tenant, IServiceProvider services, CancellationToken ct)
    {
        if (tenant.Identifier != Tenant) return;
        var db = services.GetRequiredService<DxCollabDbContext>();
        var audit = services.GetRequiredService<AuditInterceptor>();
        audit.Suppressed = true;
        try
        {
            if (await db.Set<Workspace>().AsNoTracking().FirstOrDefaultAsync(w => w.Title == ChatTitle, ct) is { } chat
                && !await db.Set<VendorQuestion>().AnyAsync(q => q.WorkspaceId == chat.Id, ct))
            {
                AddQuestions(db, chat.Id);
                await AddRfiAsync(db, chat.Id, ct);
                await AddCostSplitAsync(db, chat, ct);
            }
            if (!await db.Set<Workspace>().AnyAsync(w => w.Title == RpaTitle, ct)) await AddFinishedCaseAsync(db, services.GetRequiredService<FileStore>(), ct);
        }
        finally
        {
            audit.Suppressed = false;
            db.ChangeTracker.Clear();
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => JapaneseCalendar.TodayInTokyo(clock.GetUtcNow());

    private void AddQuestions(DxCollabDbContext db, long workspaceId)
    {
        (VendorStage Stage, string Vendor, string Question, string? Answer, bool Published, int DaysAgo)[] questions =
        [
            (VendorStage.Rfi, "株式会社なにわコミュニケーションズ", "LGWAN接続系の端末から利用できますか。", "LGWAN-ASPとして提供されるサービス、又はαモデルでの利用を想定しています。仕様書3.2を参照してください。", true, 40),
            (VendorStage.Rfi, "チャットワン株式会社", "職員数の見込み（ライセンス数）を教えてください。", "参加12団体の合計で約9,800ライセンスを見込んでいます（団体ごとの内訳は別紙1）。", true, 38),
            (VendorStage.Rfp, "株式会社なにわコミュニケーションズ", "既存のActive Directoryとのシングルサインオンは必須ですか。", "必須です。SAML 2.0 又は OpenID Connect による連携を求めます。", true, 12),
            (VendorStage.Rfp, "関西クラウドサービス株式会社", "ログの保存期間に定めはありますか。", "操作ログ・メッセージとも5年間の保存を求める方向で調整中です。", false, 6),
            (VendorStage.Rfp, "チャットワン株式会社", "外部（住民・事業者）とのやり取りは対象に含みますか。", null, false, 2),
        ];
        foreach (var q in questions)
        {
            var received = Now.AddDays(-q.DaysAgo);
            db.Add(new VendorQuestion
            {
                WorkspaceId = workspaceId, Stage = q.Stage, VendorName = q.Vendor, Question = q.Question, ReceivedOn = Today.AddDays(-q.DaysAgo),
                Answer = q.Answer, AnsweredAt = q.Answer is null ? null : received.AddDays(2), AnsweredBy = q.Answer is null ? null : Actor,
                PublishedAt = q.Published ? received.AddDays(3) : null, PublishedBy = q.Published ? Actor : null, CreatedAt = received, CreatedBy = Actor,
            });
        }
    }

    private async Task AddRfiAsync(DxCollabDbContext db, long workspaceId, CancellationToken ct)
    {
        (string Item, string[] Answers)[] matrix =
        [
            ("対応OS", ["Windows / macOS / iOS / Android", "Windows / iOS / Android（macOSはブラウザ）", "Windows / macOS / iOS / Android"]),
            ("料金体系", ["1ユーザー月額480円（年額一括）", "1ユーザー月額350円＋初期費用", "団体ごとの定額（300ユーザーまで月額12万円）"]),
            ("セキュリティ認証", ["ISMAP登録済み", "ISMAP申請中、ISO/IEC 27017取得", "ISMAP登録済み"]),
            ("導入実績", ["自治体 約180団体", "自治体 約40団体", "自治体 約95団体"]),
        ];
        string[] vendors = ["株式会社なにわコミュニケーションズ", "チャットワン株式会社", "関西クラウドサービス株式会社"];
        var position = 0;
        foreach (var (name, answers) in matrix)
        {
            var item = new RfiItem { WorkspaceId = workspaceId, Position = ++position, Name = name };
            db.Add(item);
            await db.SaveChangesAsync(ct);
            db.AddRange(answers.Select((a, i) => new RfiAnswer
            {
                WorkspaceId = workspaceId, ItemId = item.Id, VendorName = vendors[i], Answer = a, UpdatedAt = Now.AddDays(-30), UpdatedBy = Actor,
            }));
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task AddCostSplitAsync(DxCollabDbContext db, Workspace workspace, CancellationToken ct)
    {
        var payers = await db.Set<WorkspaceMember>().AsNoTracking()
            .Where(m => m.WorkspaceId == workspace.Id && m.State == MemberState.Active && m.Role != MemberRole.Observer)
            .OrderBy(m => m.OrganizationCode).ToListAsync(ct);
        if (payers.Count == 0 || payers.All(p => p.OrganizationCode != workspace.LeadOrganizationCode)) return;
        var parties = payers.Select(p => new CostParty(p.OrganizationCode, Populations.GetValueOrDefault(p.OrganizationCode, 30_000))).ToList();
        const long initial = 18_500_000, annual = 41_160_000;
        var initialShares = CostSplit.Split(initial, 30, parties, workspace.LeadOrganizationCode);
        var annualShares = CostSplit.Split(annual, 30, parties, workspace.LeadOrganizationCode);
        var share = new CostShare
        {
            WorkspaceId = workspace.Id, Title = "初期費用・年額の按分（均等割30%・人口割70%）", InitialCost = initial, AnnualCost = annual, EqualPercent = 30,
            PopulationPercent = 70, RemainderOrganizationCode = workspace.LeadOrganizationCode, CreatedAt = Now.AddDays(-5), CreatedBy = Actor,
        };
        db.Add(share);
        await db.SaveChangesAsync(ct);
        db.AddRange(payers.Select((p, i) => new CostShareLine
        {
            CostShareId = share.Id, OrganizationCode = p.OrganizationCode, OrganizationName = p.OrganizationName, Population = parties[i].Population,
            InitialShare = initialShares[i].Share, AnnualShare = annualShares[i].Share, TakesRemainder = initialShares[i].TakesRemainder,
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A finished RPA procurement led by 豊中市, published like any case (its specification shareable on request):
    /// a publication row and the host-level message.</summary>
    private async Task AddFinishedCaseAsync(DxCollabDbContext db, FileStore files, CancellationToken ct)
    {
        var finished = Now.AddDays(-120);
        var rpa = new Workspace
        {
            Subject = "RPA", Title = RpaTitle, Description = "定型業務のRPA化を府内5団体で共同調達（令和6年度）。", LeadOrganizationCode = "272035",
            Phase = ProcurementPhase.Operation, CreatedAt = finished.AddDays(-400), CreatedBy = Actor, UpdatedAt = finished, FinishedAt = finished,
        };
        db.Add(rpa);
        await db.SaveChangesAsync(ct);
        (string Code, string Name)[] members = [("272035", "豊中市"), ("272051", "吹田市"), ("272124", "八尾市"), ("272141", "富田林市"), ("273830", "千早赤阪村")];
        db.AddRange(members.Select((m, i) => new WorkspaceMember
        {
            WorkspaceId = rpa.Id, OrganizationCode = m.Code, OrganizationName = m.Name, Role = i == 0 ? MemberRole.Lead : MemberRole.Member,
            State = MemberState.Active, InvitedAt = rpa.CreatedAt, InvitedBy = Actor, JoinedAt = rpa.CreatedAt,
        }));
        var specification = (await DocumentDemoData.AddDocumentAsync(db, files, rpa.Id, null, "RPA仕様書", Confidentiality.Sensitive, "272035",
            [("RPA仕様書.pdf", DocumentDemoData.Pdf("RPA仕様書（入札公告版）"), "入札公告版", finished.AddDays(-200))], ct))[0];
        var publication = new CasePublication
        {
            WorkspaceId = rpa.Id, CaseKey = Guid.NewGuid(), SpecificationShareable = true, SpecificationDocumentId = specification.DocumentId,
            PublishedAt = finished.AddDays(20), PublishedBy = Actor,
        };
        db.Add(publication);
        db.AddIntegrationEvent(new ProcurementCasePublished(Tenant, publication.CaseKey, rpa.Id, rpa.Subject, rpa.Title, "豊中市", [.. members.Select(m => m.Name)],
            members.Sum(m => Populations.GetValueOrDefault(m.Code, 30_000)), 6_200_000, 2_400_000,
            "意向調査で5団体が参加を表明し、豊中市が代表団体として仕様書を作成。RFIで3社から情報提供を受け、指名競争入札で契約。"
            + "ライセンスは団体ごとに契約し、シナリオ（ロボット）の作り方の研修を共同で実施した。",
            true, JapaneseCalendar.TokyoDate(finished), publication.PublishedAt), $"procurement-case:{publication.CaseKey}");
        await db.SaveChangesAsync(ct);
    }
}
