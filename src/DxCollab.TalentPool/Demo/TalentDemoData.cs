using System.Text.Json;
using DxCollab.Platform.Audit;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Tenancy;
using DxCollab.TalentPool.Activity;
using DxCollab.TalentPool.Domain;
using DxCollab.TalentPool.Matching;
using DxCollab.TalentPool.Pool;
using DxCollab.TalentPool.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using JapaneseCalendar = DxCollab.Platform.Text.JapaneseCalendar;

namespace DxCollab.TalentPool.Demo;

/// <summary>Demo mode, osaka only: a pool of eight experts across the engagement forms (田中 signs in as
/// expert.tanaka@osaka.example), requests in every state (千早赤阪村 through the 標準化 theme card with its answers),
/// assignments booked through the capacity ledger, logged activity, one overdue report after an on-site visit, and
/// 情報担当職員数 for every municipality (some 0–1 person sections that never asked). Dates are relative to today (Tokyo)
/// and every figure is fixed, so each start looks the same. Does nothing once the pool has an expert.</summary>
public sealed class TalentDemoData(TimeProvider clock, BusinessCalendar calendar) : IDemoDataContributor
{
    public const string Tenant = "osaka", TanakaEmail = "expert.tanaka@osaka.example";
    public const string Chihayaakasaka = "273830", Toyonaka = "272035";
    private const string Actor = "デモデータ";

    private sealed record DemoExpert(string Name, EngagementForm Form, string Affiliation, int Capacity, FundingTag Funding, (string Area, int Level)[] Skills,
        string? Email = null, int? OnSiteDays = null, int? OnlineHours = null, bool Active = true);

    private static readonly DemoExpert[] Experts =
    [
        new("田中 健一", EngagementForm.SpecialPartTimeStaff, "大阪府 CIO補佐官", 40, FundingTag.SpecialAllocationTax,
            [("標準化・ガバメントクラウド移行", 3), ("調達支援（RFI/RFP・仕様書）", 2)], TanakaEmail, 4, 20),
        new("佐藤 美咲", EngagementForm.FullTimeStaff, "大阪府 スマートシティ戦略部", 60, FundingTag.OwnFunds, [("情報セキュリティ", 3), ("ネットワーク", 2)]),
        new("鈴木 大輔", EngagementForm.FixedTermStaff, "大阪府 データ戦略担当", 80, FundingTag.OrdinaryAllocationTax, [("データ利活用", 3), ("AI・RPA", 2)]),
        new("高橋 由美", EngagementForm.Contractor, "株式会社なにわ自治体コンサルティング", 30, FundingTag.OwnFunds,
            [("調達支援（RFI/RFP・仕様書）", 3), ("標準化・ガバメントクラウド移行", 2)]),
        new("伊藤 翔", EngagementForm.SideJob, "民間IT企業（副業）", 16, FundingTag.SpecialAllocationTax, [("フロントヤード改革", 3), ("BPR", 2)], OnSiteDays: 2),
        new("渡辺 直子", EngagementForm.RegionalRevitalization, "地域活性化起業人（通信事業者から派遣）", 40, FundingTag.SpecialAllocationTax,
            [("人材育成", 3), ("広報", 2)]),
        new("山本 浩二", EngagementForm.NationalAdviser, "地域情報化アドバイザー", 10, FundingTag.OwnFunds, [("情報セキュリティ", 3), ("ネットワーク", 3)],
            OnSiteDays: 3, OnlineHours: 10),
        new("小林 誠", EngagementForm.Contractor, "元 府内市 情報政策課長", 20, FundingTag.OwnFunds, [("BPR", 3), ("人材育成", 2)], Active: false),
    ];

    /// <summary>Small 町村 whose one-person (or empty) IT section has never asked the pool for help: the dashboard lists them.</summary>
    public static readonly IReadOnlyList<string> QuietSmallSections = ["273210", "273228", "273627", "273660", "273813"];

    public async Task SeedAsync(PrefectureTenant tenant, IServiceProvider services, CancellationToken ct)
    {
        if (tenant.Identifier != Tenant) return;
        var db = services.GetRequiredService<DxCollabDbContext>();
        if (await db.Set<Expert>().AnyAsync(ct)) return;
        var audit = services.GetRequiredService<AuditInterceptor>();
        audit.Suppressed = true;
        try
        {
            var experts = await AddExpertsAsync(db, services.GetRequiredService<PoolDirectory>(), ct);
            await AddRequestsAsync(db, services.GetRequiredService<CapacityLedger>(), experts, ct);
            await AddItStaffAsync(db, services.GetRequiredService<OrganizationDirectory>(), ct);
        }
        finally
        {
            audit.Suppressed = false;
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The final report the first logged activity brings (as <c>ActivityLogService</c> does), due after the last month.</summary>
    private void FinalReportDue(DxCollabDbContext db, Assignment assignment) =>
        db.Add(new SupportReport { AssignmentId = assignment.Id, Kind = ReportKind.Final, DueDate = ReportDue.Final(calendar, assignment.EndMonth, null) });

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => JapaneseCalendar.TodayInTokyo(clock.GetUtcNow());
    private DateOnly ThisMonth => new(Today.Year, Today.Month, 1);

    private async Task<Dictionary<string, Expert>> AddExpertsAsync(DxCollabDbContext db, PoolDirectory pools, CancellationToken ct)
    {
        var pool = await pools.PrefecturePoolAsync(ct);
        var areas = (await pools.SkillAreasAsync(ct)).ToDictionary(a => a.Name, a => a.Id);
        var tanakaUser = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == TanakaEmail.ToUpperInvariant()).Select(u => u.Id).FirstOrDefaultAsync(ct);
        var created = new Dictionary<string, Expert>();
        foreach (var d in Experts)
        {
            var expert = new Expert
            {
                PoolId = pool.Id, Name = d.Name, EngagementForm = d.Form, Affiliation = d.Affiliation, Email = d.Email, MonthlyCapacityHours = d.Capacity,
                OnSiteDaysCap = d.OnSiteDays, OnlineHoursCap = d.OnlineHours, FundingTag = d.Funding, Active = d.Active,
                UserId = d.Email == TanakaEmail ? tanakaUser : null, CreatedAt = Now.AddDays(-200), UpdatedAt = Now.AddDays(-200),
                Note = d.Active ? null : "令和7年度末で退任。",
            };
            db.Add(expert);
            await db.SaveChangesAsync(ct);
            db.AddRange(d.Skills.Where(s => areas.ContainsKey(s.Area)).Select(s => new ExpertSkill { ExpertId = expert.Id, SkillAreaId = areas[s.Area], Level = s.Level }));
            created[d.Name] = expert;
        }
        // 伊藤 (副業) can help only in the second half of each month's weekends; shown as one availability period.
        db.Add(new ExpertAvailability { ExpertId = created["伊藤 翔"].Id, From = ThisMonth.AddMonths(-6), To = ThisMonth.AddMonths(6).AddDays(-1), Note = "平日夜・土日のみ" });
        await db.SaveChangesAsync(ct);
        return created;
    }

    private async Task AddRequestsAsync(DxCollabDbContext db, CapacityLedger ledger, Dictionary<string, Expert> experts, CancellationToken ct)
    {
        var m = ThisMonth;

        // 千早赤阪村: the guided intake on the 標準化 card; 田中 visits on site and owes the report of that visit.
        var chihaya = await RequestAsync(db, Chihayaakasaka, ThemeCatalog.MigrationPlan, "標準化の移行計画を見てほしい（住民記録・税）",
            "移行計画の作り方が分からず、ベンダーの提案が妥当か判断できません。担当は1人です。", RequestState.InSupport, 45, 38, Urgency.High, SupportMode.OnSite,
            Intake(ThemeCatalog.MigrationPlan), ct);
        // From two months back: his first activity (30 days ago) falls inside the assignment on every day of the month.
        var tanaka = await BookAsync(db, ledger, experts["田中 健一"], chihaya, m.AddMonths(-2), m.AddMonths(2), 10, SupportMode.OnSite, AssignmentState.Active, ct);
        FinalReportDue(db, tanaka);
        await ActivityAsync(db, tanaka, -30, 2, SupportMode.Online, "オンラインで現状のヒアリング。移行対象業務と現行ベンダーの契約期限を整理。", ct);
        var visit = await ActivityAsync(db, tanaka, -16, 4, SupportMode.OnSite, "役場を訪問し、移行計画書（案）を村の担当者と読み合わせ。リスクと日程の見直し点を6件指摘。", ct);
        db.Add(new SupportReport { AssignmentId = tanaka.Id, Kind = ReportKind.AfterVisit, ActivityId = visit.Id, DueDate = calendar.AddBusinessDays(visit.Date, 5) });

        // 豊中市: finished support with its final report and satisfaction answer.
        var toyonaka = await RequestAsync(db, Toyonaka, ThemeCatalog.SecurityPolicy, "情報セキュリティポリシーの改定",
            "国のガイドライン改定に合わせてポリシーと実施手順を見直したい。", RequestState.Completed, 150, 140, Urgency.Normal, SupportMode.Either, null, ct);
        var sato = await BookAsync(db, ledger, experts["佐藤 美咲"], toyonaka, m.AddMonths(-4), m.AddMonths(-2), 8, SupportMode.Online, AssignmentState.Completed, ct);
        await ActivityAsync(db, sato, -110, 3, SupportMode.Online, "改定箇所の洗い出し（新旧対照表の作成方針）。", ct);
        await ActivityAsync(db, sato, -80, 5, SupportMode.OnSite, "庁内説明会で改定案を説明。質疑応答。", ct);
        await ActivityAsync(db, sato, -70, 2, SupportMode.Online, "実施手順の最終確認。", ct);
        toyonaka.ClosedAt = Now.AddDays(-60);
        db.Add(new SupportReport
        {
            AssignmentId = sato.Id, Kind = ReportKind.Final, DueDate = JapaneseCalendar.TokyoDate(Now).AddDays(-55), Body = "ポリシーと実施手順の改定案を確定し、庁議で承認された。",
            SubmittedAt = Now.AddDays(-58), SubmittedBy = Actor,
        });
        db.Add(new SatisfactionAnswer { RequestId = toyonaka.Id, OrganizationCode = Toyonaka, Rating = 5, WouldAskAgain = true, Comment = "具体的な指摘で助かりました。", AnsweredAt = Now.AddDays(-57), AnsweredBy = "toyonaka@osaka.example" });

        // 東大阪市: support under way (職員研修).
        var higashi = await RequestAsync(db, "272272", ThemeCatalog.StaffTraining, "管理職向けDX研修の企画と講師", null, RequestState.InSupport, 70, 60,
            Urgency.Normal, SupportMode.OnSite, null, ct);
        var watanabe = await BookAsync(db, ledger, experts["渡辺 直子"], higashi, m.AddMonths(-2), m.AddMonths(1), 12, SupportMode.OnSite, AssignmentState.Active, ct);
        FinalReportDue(db, watanabe);
        await ActivityAsync(db, watanabe, -50, 3, SupportMode.Online, "研修の狙いと対象者の整理。", ct);
        await ActivityAsync(db, watanabe, -20, 6, SupportMode.OnSite, "第1回研修（管理職40名）を実施。", ct);

        // 吹田市: assigned, starting next month.
        var suita = await RequestAsync(db, "272051", ThemeCatalog.FrontYard, "書かない窓口の導入を検討したい", null, RequestState.Assigned, 20, 9,
            Urgency.Normal, SupportMode.Either, null, ct);
        await BookAsync(db, ledger, experts["伊藤 翔"], suita, m.AddMonths(1), m.AddMonths(2), 6, SupportMode.Online, AssignmentState.Planned, ct);
        await BookAsync(db, ledger, experts["高橋 由美"], suita, m.AddMonths(1), m.AddMonths(3), 8, SupportMode.Online, AssignmentState.Planned, ct);

        // 池田市: being coordinated; 河内長野市 and 島本町 (「相談したい」): just received; 堺市: withdrawn.
        await RequestAsync(db, "272043", ThemeCatalog.DataUse, "オープンデータの公開を進めたい", null, RequestState.Coordinating, 10, null, Urgency.Low,
            SupportMode.Online, null, ct);
        await RequestAsync(db, "272167", ThemeCatalog.Specification, "基幹系システム更新の仕様書を見てほしい", null, RequestState.Received, 3, null,
            Urgency.High, SupportMode.Either, null, ct);
        await RequestAsync(db, "273015", null, "何から手を付ければよいか相談したい", "DX推進計画を作るよう言われたが、何から始めればよいか分からない。",
            RequestState.Received, 1, null, Urgency.Normal, SupportMode.Either, null, ct);
        var sakai = await RequestAsync(db, "271403", ThemeCatalog.AiRpa, "生成AIの利用ルールづくり", null, RequestState.Withdrawn, 90, null, Urgency.Normal,
            SupportMode.Online, null, ct);
        sakai.WithdrawnReason = "市の独自事業で対応することになったため。";
        sakai.ClosedAt = Now.AddDays(-80);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The 標準化 card's answers: by the theme's questions once the card has them (an option question takes its
    /// first option), else under plain keys.</summary>
    private static Dictionary<string, string> Intake(string themeKey)
    {
        string[] answers =
        [
            "住民記録・個人住民税・固定資産税の3業務。ほかは共同利用で対応予定。",
            "現行ベンダーから移行計画書（案）が届いたが、妥当か判断できない。",
            "令和9年度中の本番移行を目指している。",
            "情報担当は1人（総務課と兼務）。",
            "ベンダーとの打合せに同席してほしい。",
        ];
        var questions = ThemeCatalog.Find(themeKey)?.Questions ?? [];
        return questions.Count > 0
            ? questions.Select((q, i) => (q.Key, Value: q.Options?.FirstOrDefault() ?? answers[i % answers.Length])).ToDictionary(x => x.Key, x => x.Value)
            : new Dictionary<string, string> { ["scope"] = answers[0], ["concern"] = answers[1], ["schedule"] = answers[2], ["staff"] = answers[3] };
    }

    private async Task<SupportRequest> RequestAsync(DxCollabDbContext db, string code, string? theme, string title, string? description, RequestState state,
        int daysAgo, int? assignedDaysAgo, Urgency urgency, SupportMode mode, Dictionary<string, string>? intake, CancellationToken ct)
    {
        var created = Now.AddDays(-daysAgo);
        var request = new SupportRequest
        {
            OrganizationCode = code, ThemeKey = theme, Title = title, Description = description, IntakeJson = JsonSerializer.Serialize(intake ?? []),
            Urgency = urgency, Mode = mode, State = state, CreatedAt = created, CreatedBy = $"officer@{code}", UpdatedAt = created,
            FirstAssignedAt = assignedDaysAgo is { } a ? Now.AddDays(-a) : null,
            PreferredFrom = JapaneseCalendar.TokyoDate(created).AddDays(14), PreferredTo = JapaneseCalendar.TokyoDate(created).AddDays(120),
        };
        db.Add(request);
        await db.SaveChangesAsync(ct);
        return request;
    }

    /// <summary>Books the hours through the ledger like a staff member's assignment does (never over capacity: a month that
    /// cannot take them is a mistake in this file, so it fails loudly).</summary>
    private async Task<Assignment> BookAsync(DxCollabDbContext db, CapacityLedger ledger, Expert expert, SupportRequest request, DateOnly start,
        DateOnly end, int hours, SupportMode mode, AssignmentState state, CancellationToken ct)
    {
        var months = CapacityLedger.Months(start, end).ToList();
        await ledger.EnsureMonthsAsync(expert, months, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await ledger.TryBookAsync(expert.Id, months, hours, ct) is { } shortfall)
            throw new InvalidOperationException($"Demo booking of {expert.Name} exceeds {shortfall.Month}: {shortfall.Remaining} h left.");
        var assignment = new Assignment
        {
            RequestId = request.Id, ExpertId = expert.Id, OrganizationCode = request.OrganizationCode, StartMonth = start, EndMonth = end,
            HoursPerMonth = hours, Mode = mode, State = state, CreatedAt = request.FirstAssignedAt ?? Now, CreatedBy = Actor,
            CompletedAt = state == AssignmentState.Completed ? Now.AddDays(-60) : null,
        };
        db.Add(assignment);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return assignment;
    }

    private async Task<SupportActivity> ActivityAsync(DxCollabDbContext db, Assignment assignment, int days, decimal hours, SupportMode mode, string summary,
        CancellationToken ct)
    {
        // A visit on a closed day would look odd: move it to the previous 開庁日.
        var date = JapaneseCalendar.TokyoDate(Now).AddDays(days);
        if (calendar.IsClosed(date)) date = calendar.PreviousBusinessDay(date);
        var activity = new SupportActivity
        {
            AssignmentId = assignment.Id, Date = date, Hours = hours, Mode = mode, Summary = summary, LoggedBy = Actor,
            LoggedAt = date.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
        };
        db.Add(activity);
        await db.SaveChangesAsync(ct);
        return activity;
    }

    private async Task AddItStaffAsync(DxCollabDbContext db, OrganizationDirectory organizations, CancellationToken ct)
    {
        var asOf = new DateOnly(JapaneseCalendar.FiscalYear(Today), 4, 1);
        foreach (var o in await organizations.ActiveMunicipalitiesAsync(ct))
        {
            var random = new DemoRandom($"talent:it-staff:{o.Code}");
            var staff = QuietSmallSections.Contains(o.Code) ? random.Next(0, 2)
                : o.Code == Chihayaakasaka ? 1
                : o.Type is OrganizationType.Town or OrganizationType.Village ? random.Next(2, 5)
                : o.Type is OrganizationType.DesignatedCity ? random.Next(40, 80) : random.Next(4, 20);
            db.Add(new OrganizationItStaff { OrganizationCode = o.Code, Staff = staff, AsOf = asOf, UpdatedAt = Now.AddDays(-30), UpdatedBy = Actor });
        }
        await db.SaveChangesAsync(ct);
    }
}
