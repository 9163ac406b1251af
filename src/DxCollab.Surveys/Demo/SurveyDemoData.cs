using System.Globalization;
using DxCollab.Platform.Audit;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Hosting;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Tenancy;
using DxCollab.Platform.Text;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using DxCollab.Surveys.Relay;
using DxCollab.Surveys.SpecialForms;
using JapaneseCalendar = DxCollab.Platform.Text.JapaneseCalendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxCollab.Surveys.Demo;

/// <summary>Demo mode: osaka gets a closed survey every municipality answered (results and 還元), an open one half
/// answered (未着手・回答中・提出済・差戻し・期限延長, deadline a few 開庁日 ahead), a closed written vote and a KPI table;
/// osaka and kyoto both relay one national survey (自治体DX・情報化推進概要 style, 4月1日現在), and their answers are
/// in the national result. Answers are drawn with <see cref="DemoRandom"/>, so they are the same at every start.
/// Does nothing once the tenant has a survey.</summary>
public sealed class SurveyDemoData(TimeProvider clock, BusinessCalendar calendar) : IDemoDataContributor
{
    /// <summary>The demo national survey's fixed id (so both tenants and every start find the same one).</summary>
    public static readonly Guid NationalSurveyId = new("5a1e7c0d-0000-4000-8000-000000000409");
    private const string Actor = "デモデータ";

    public async Task SeedAsync(PrefectureTenant tenant, IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<DxCollabDbContext>();
        if (await db.Set<Survey>().AnyAsync(ct)) return;
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.AbolishedOn == null).OrderBy(o => o.Code)
            .Select(o => new { o.Code, o.Name, o.Type }).ToListAsync(ct);
        var prefecture = organizations.FirstOrDefault(o => o.Type == OrganizationType.Prefecture);
        if (prefecture is null) return;
        var municipalities = organizations.Where(o => o.Type != OrganizationType.Prefecture).Select(o => o.Code).ToList();
        var names = organizations.ToDictionary(o => o.Code, o => o.Name);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = JapaneseCalendar.TodayInTokyo(clock.GetUtcNow());

        var audit = services.GetRequiredService<AuditInterceptor>();
        audit.Suppressed = true;
        try
        {
            var national = await EnsureNationalSurveyAsync(db, today, now, ct);
            if (tenant.Identifier == "osaka")
            {
                await AddClosedAiSurveyAsync(db, municipalities, today, now, ct);
                await AddOpenSecuritySurveyAsync(db, municipalities, today, now, ct);
                await AddWrittenVoteAsync(db, municipalities, today, now, ct);
                await AddKpiTableAsync(db, municipalities, today, now, ct);
            }
            if (tenant.Identifier is "osaka" or "kyoto")
                await AddRelayedNationalAsync(db, tenant.Identifier, prefecture.Name, national, municipalities, names, today, now, ct);
        }
        finally
        {
            audit.Suppressed = false;
            db.ChangeTracker.Clear();
        }
    }

    private static async Task<NationalSurvey> EnsureNationalSurveyAsync(DxCollabDbContext db, DateOnly today, DateTime now, CancellationToken ct)
    {
        if (await db.Set<NationalSurvey>().FirstOrDefaultAsync(s => s.Id == NationalSurveyId, ct) is { } existing) return existing;
        var reference = new DateOnly(JapaneseCalendar.FiscalYear(today), 4, 1);
        var survey = new NationalSurvey
        {
            Id = NationalSurveyId,
            Title = $"{JapaneseCalendar.EraYear(reference)}度 自治体DX・情報化推進概要",
            Purpose = "地方公共団体における行政の情報化・DXの推進状況を把握し、公表するため（調査基準日 4月1日）。",
            ReferenceDate = reference, Deadline = today.AddDays(30), Form = SurveyDemoForms.NationalDx(), IssuedAt = now.AddDays(-20), IssuedBy = "national@dxcollab.example",
        };
        db.Add(survey);
        await db.SaveChangesAsync(ct);
        return survey;
    }

    private static Survey NewSurvey(SurveyKind kind, string title, string purpose, string basis, DateOnly deadline, SurveyForm form, SurveyState state, DateTime now) => new()
    {
        Kind = kind, Title = title, Purpose = purpose, LegalBasis = basis, Contact = "DX推進課 企画グループ（内線 2345）dx-suishin@pref.example.lg.jp",
        Deadline = deadline, FiscalYear = JapaneseCalendar.FiscalYear(deadline), Form = form, State = state,
        RosterRuleJson = new Authoring.RosterRule(Authoring.RosterMode.All).ToJson(), CreatedAt = now.AddDays(-30), CreatedBy = Actor, UpdatedAt = now.AddDays(-30), UpdatedBy = Actor,
        PublishedAt = state == SurveyState.Draft ? null : now.AddDays(-28), ClosedAt = state == SurveyState.Closed ? now.AddDays(-3) : null,
    };

    private static SurveyResponse Submitted(long surveyId, string code, AnswerSet answers, DateTime at) => new()
    {
        SurveyId = surveyId, RespondentCode = code, State = ResponseState.Submitted, AnswersJson = answers.ToJson(), Version = 2,
        LastSavedAt = at.AddHours(-2), LastSavedBy = $"officer@{code}", SubmittedAt = at, SubmittedBy = $"officer@{code}", LastActivityAt = at,
    };

    private static Answer V(string value) => new() { Value = value };

    private static async Task<long> SaveSurveyAsync(DxCollabDbContext db, Survey survey, CancellationToken ct)
    {
        db.Add(survey);
        await db.SaveChangesAsync(ct);
        return survey.Id;
    }

    private async Task AddClosedAiSurveyAsync(DxCollabDbContext db, List<string> municipalities, DateOnly today, DateTime now, CancellationToken ct)
    {
        var fiscal = JapaneseCalendar.FiscalYear(today);
        var survey = NewSurvey(SurveyKind.Standard, $"{JapaneseCalendar.EraYear(new DateOnly(fiscal, 4, 1))}度 生成AIの利用状況に関する照会",
            "府内市町村における生成AIの利用状況と課題を把握し、府の支援策（共同利用環境・研修）の検討に活用するため。",
            "大阪府DX推進計画に基づく市町村支援のための調査（地方自治法第245条の4に基づく技術的助言に関連する資料の提供依頼）",
            calendar.PreviousBusinessDay(today.AddDays(-7)), SurveyDemoForms.GenerativeAi(), SurveyState.Closed, now);
        var id = await SaveSurveyAsync(db, survey, ct);
        string[] issues = ["情報漏えいへの不安から利用範囲を決めかねている。", "有料版の予算確保が難しい。", "職員の利用スキルに差がある。", "回答の正確性の確認に手間がかかる。", ""];
        foreach (var (code, i) in municipalities.Select((c, i) => (c, i)))
        {
            var random = new DemoRandom($"surveys:ai:{code}");
            var use = SurveyDemoForms.AiUse[Math.Min(random.Next(0, 6), 4)].Value;
            var answers = new AnswerSet();
            answers.Answers["ai-use"] = V(use);
            if (use is "adopted" or "partial" or "trial")
            {
                var tasks = new[] { "docs", "faq", "minutes", "code", "translate" }.Where(_ => random.Chance(0.5)).ToList();
                if (tasks.Count == 0) tasks.Add("docs");
                answers.Answers["ai-tasks"] = new Answer { Choices = tasks };
                answers.Answers["ai-users"] = V((random.Next(1, 40) * (use == "adopted" ? 50 : 5)).ToString(CultureInfo.InvariantCulture));
            }
            answers.Answers["ai-guideline"] = V(use is "adopted" or "partial" || random.Chance(0.3) ? "yes" : "no");
            if (issues[random.Next(0, issues.Length)] is { Length: > 0 } issue) answers.Answers["ai-issues"] = V(issue);
            db.Add(Submitted(id, code, answers, now.AddDays(-12 + i % 5).AddHours(-random.Next(0, 8))));
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task AddOpenSecuritySurveyAsync(DxCollabDbContext db, List<string> municipalities, DateOnly today, DateTime now, CancellationToken ct)
    {
        var deadline = today;
        for (var i = 0; i < 4; i++) deadline = calendar.NextBusinessDay(deadline);
        var survey = NewSurvey(SurveyKind.Standard, $"{JapaneseCalendar.EraYear(new DateOnly(JapaneseCalendar.FiscalYear(today), 4, 1))}度 情報セキュリティ対策の実施状況調査",
            "府内市町村の情報セキュリティ対策の実施状況を把握し、研修・監査の共同実施を検討するため。",
            "地方公共団体における情報セキュリティポリシーに関するガイドライン（総務省）を踏まえた状況把握",
            deadline, SurveyDemoForms.Security(), SurveyState.Published, now);
        var id = await SaveSurveyAsync(db, survey, ct);
        var responses = new List<SurveyResponse>();
        foreach (var (code, i) in municipalities.Select((c, i) => (c, i)))
        {
            var random = new DemoRandom($"surveys:security:{code}");
            var answers = new AnswerSet();
            answers.Answers["sec-policy-revised"] = V(new DateOnly(today.Year - random.Next(0, 3), random.Next(1, 13), 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            answers.Answers["sec-training"] = V(random.Next(20, 900).ToString(CultureInfo.InvariantCulture));
            answers.Answers["sec-audit"] = V(random.Chance(0.4) ? "yes" : "no");
            // 千早赤阪村 (a demo login) is left 未着手 so its officer sees the reminder.
            var slot = code == "273830" ? 9 : i % 10;
            responses.Add(slot switch
            {
                < 5 => Submitted(id, code, answers, now.AddDays(-random.Next(1, 6))),
                5 or 6 => new SurveyResponse
                {
                    SurveyId = id, RespondentCode = code, State = ResponseState.Drafting, Version = 1,
                    AnswersJson = new AnswerSet { Answers = answers.Answers.Take(2).ToDictionary() }.ToJson(),
                    LastSavedAt = now.AddDays(-1), LastSavedBy = $"officer@{code}", LastActivityAt = now.AddDays(-1),
                },
                7 => new SurveyResponse
                {
                    SurveyId = id, RespondentCode = code, State = ResponseState.Returned, AnswersJson = answers.ToJson(), Version = 3,
                    SubmittedAt = now.AddDays(-4), SubmittedBy = $"officer@{code}", ReturnedAt = now.AddDays(-2), ReturnedBy = "pref.admin@osaka.example",
                    ReturnComment = "研修の受講者数が昨年度の値のようです。今年度の人数に直して再提出してください。", LastActivityAt = now.AddDays(-2),
                },
                8 => new SurveyResponse
                {
                    SurveyId = id, RespondentCode = code, State = ResponseState.Drafting, Version = 1, AnswersJson = "{}",
                    ExtendedDeadline = calendar.NextBusinessDay(deadline.AddDays(7)), LastActivityAt = now.AddDays(-3),
                },
                _ => new SurveyResponse { SurveyId = id, RespondentCode = code },
            });
        }
        db.AddRange(responses);
        await db.SaveChangesAsync(ct);
        foreach (var extended in responses.Where(r => r.ExtendedDeadline is not null))
            db.Add(new SurveyExtensionRequest
            {
                SurveyId = id, ResponseId = extended.Id, RequestedDeadline = extended.ExtendedDeadline!.Value,
                Reason = "担当者が1人で、議会対応と重なるため。", Decision = ExtensionDecision.Granted, RequestedAt = now.AddDays(-4),
                RequestedBy = $"officer@{extended.RespondentCode}", DecidedAt = now.AddDays(-3), DecidedBy = "pref.admin@osaka.example", DecisionComment = "承知しました。",
            });
        foreach (var returned in responses.Where(r => r.State == ResponseState.Returned))
            db.Add(new SurveyResponseEvent
            {
                SurveyId = id, ResponseId = returned.Id, Kind = ResponseEventKind.Returned, At = returned.ReturnedAt!.Value,
                By = returned.ReturnedBy!, Detail = returned.ReturnComment,
            });
        await db.SaveChangesAsync(ct);
    }

    private async Task AddWrittenVoteAsync(DxCollabDbContext db, List<string> municipalities, DateOnly today, DateTime now, CancellationToken ct)
    {
        var members = municipalities.Where(c => c is "271004" or "272035" or "272027" or "273830" or "272043" or "272116").ToList();
        if (members.Count == 0) members = municipalities.Take(6).ToList();
        var survey = NewSurvey(SurveyKind.WrittenVote, "大阪府市町村DX推進協議会 令和8年度第1回書面会議",
            "書面により協議会の議案を審議するため（会議規約第8条）。", "大阪府市町村DX推進協議会規約第8条（書面による表決）",
            calendar.PreviousBusinessDay(today.AddDays(-5)),
            SpecialFormTemplates.WrittenVote([new("令和8年度事業計画（案）", "別添資料1のとおり"), new("共同調達部会の設置（案）", "別添資料2のとおり"),
                new("協議会規約の一部改正（案）", "別添資料3のとおり")]), SurveyState.Closed, now);
        survey.RosterRuleJson = new Authoring.RosterRule(Authoring.RosterMode.Picked, Codes: [.. members]).ToJson();
        var id = await SaveSurveyAsync(db, survey, ct);
        string[] opinions = ["異議ありません。", "部会の構成団体と費用負担の考え方を早めに示してください。", "小規模団体の事務負担に配慮をお願いします。"];
        foreach (var (code, i) in members.Select((c, i) => (c, i)))
        {
            if (i == members.Count - 1) { db.Add(new SurveyResponse { SurveyId = id, RespondentCode = code }); continue; } // one did not vote
            var random = new DemoRandom($"surveys:vote:{code}");
            var answers = new AnswerSet();
            for (var item = 1; item <= 3; item++)
            {
                answers.Answers[$"item{item}-vote"] = V(item == 2 && i % 3 == 1 ? SpecialFormTemplates.Against : SpecialFormTemplates.For);
                if (random.Chance(0.35)) answers.Answers[$"item{item}-opinion"] = V(opinions[random.Next(0, opinions.Length)]);
            }
            db.Add(Submitted(id, code, answers, now.AddDays(-8)));
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task AddKpiTableAsync(DxCollabDbContext db, List<string> municipalities, DateOnly today, DateTime now, CancellationToken ct)
    {
        var fiscal = JapaneseCalendar.FiscalYear(today);
        var survey = NewSurvey(SurveyKind.KpiProgress, $"{JapaneseCalendar.EraYear(new DateOnly(fiscal, 4, 1))}度 市町村DX推進計画 KPI進捗状況",
            "各市町村のDX推進計画に掲げたKPIの進捗を把握し、府の支援の重点を決めるため。", "大阪府DX推進計画（市町村との連携）に基づく進捗把握",
            calendar.NextBusinessDay(today.AddDays(14)),
            SpecialFormTemplates.KpiProgress([new("行政手続のオンライン化率", "%"), new("キャッシュレス決済を導入した窓口の数", "か所"), new("紙の申請書の年間受付件数", "件")]),
            SurveyState.Published, now);
        var id = await SaveSurveyAsync(db, survey, ct);
        var baseAt = new DateOnly(fiscal - 2, 3, 31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var actualAt = new DateOnly(fiscal, 3, 31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var due = new DateOnly(fiscal + 2, 3, 31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (code, i) in municipalities.Select((c, i) => (c, i)))
        {
            if (i % 3 == 2) { db.Add(new SurveyResponse { SurveyId = id, RespondentCode = code }); continue; }
            var random = new DemoRandom($"surveys:kpi:{code}");
            var answers = new AnswerSet();
            var online = random.Next(20, 50);
            answers.Answers["kpi1-target-kind"] = V("number");
            answers.Answers["kpi1-target"] = V("100");
            answers.Answers["kpi1-due"] = V(due);
            answers.Answers["kpi1-baseline"] = V(online.ToString(CultureInfo.InvariantCulture));
            answers.Answers["kpi1-baseline-at"] = V(baseAt);
            answers.Answers["kpi1-actual"] = V((online + random.Next(5, 50)).ToString(CultureInfo.InvariantCulture));
            answers.Answers["kpi1-actual-at"] = V(actualAt);
            answers.Answers["kpi1-stage"] = V(i % 2 == 0 ? "final" : "preliminary");
            answers.Answers["kpi1-policy"] = V("次回は翌年3月末時点で把握。電子申請の対象手続を拡大する。");
            answers.Answers["kpi2-target-kind"] = V("increase");
            var windows = random.Next(0, 6);
            answers.Answers["kpi2-baseline"] = V(windows.ToString(CultureInfo.InvariantCulture));
            answers.Answers["kpi2-baseline-at"] = V(baseAt);
            if (random.Chance(0.8))
            {
                answers.Answers["kpi2-actual"] = V((windows + random.Next(0, 4)).ToString(CultureInfo.InvariantCulture));
                answers.Answers["kpi2-actual-at"] = V(actualAt);
            }
            answers.Answers["kpi3-target-kind"] = V(random.Chance(0.5) ? "decrease" : "none");
            answers.Answers["kpi3-baseline"] = V((random.Next(20, 200) * 100).ToString(CultureInfo.InvariantCulture));
            answers.Answers["kpi3-baseline-at"] = V(baseAt);
            db.Add(Submitted(id, code, answers, now.AddDays(-random.Next(1, 5))));
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task AddRelayedNationalAsync(DxCollabDbContext db, string tenantId, string prefectureName, NationalSurvey national,
        List<string> municipalities, Dictionary<string, string> names, DateOnly today, DateTime now, CancellationToken ct)
    {
        var deadline = national.Deadline.AddDays(-10) < today ? national.Deadline : national.Deadline.AddDays(-10);
        var survey = NewSurvey(SurveyKind.Standard, national.Title, national.Purpose,
            $"国からの依頼（全国照会「{national.Title}」、調査基準日 {JapaneseCalendar.Format(national.ReferenceDate)}）に基づき、管内の市区町村に照会します。",
            deadline, new SurveyForm { Sections = [.. national.Form.Sections, SurveyDemoForms.PrefectureOwn(prefectureName)] }, SurveyState.Published, now);
        survey.NationalSurveyId = national.Id;
        var id = await SaveSurveyAsync(db, survey, ct);
        db.Add(new ReceivedNationalSurvey
        {
            NationalSurveyId = national.Id, Title = national.Title, Purpose = national.Purpose, ReferenceDate = national.ReferenceDate,
            Deadline = national.Deadline, FormJson = national.FormJson, ReceivedAt = national.IssuedAt.AddMinutes(1),
            RelayedSurveyId = id, RelayedAt = now.AddDays(-18), RelayedBy = $"pref.admin@{tenantId}.example",
        });
        foreach (var (code, i) in municipalities.Select((c, i) => (c, i)))
        {
            // About two thirds have answered; the national result holds exactly their national answers.
            if (i % 3 == 1) { db.Add(new SurveyResponse { SurveyId = id, RespondentCode = code }); continue; }
            var random = new DemoRandom($"surveys:national:{code}");
            var answers = new AnswerSet();
            answers.Answers["nat-cio"] = V("yes");
            answers.Answers["nat-cio-adviser"] = V(random.Chance(0.45) ? "yes" : "no");
            answers.Answers["nat-it-staff"] = V(random.Next(1, 30).ToString(CultureInfo.InvariantCulture));
            answers.Answers["nat-genai"] = V(SurveyDemoForms.AiUse[Math.Min(random.Next(0, 6), 4)].Value);
            answers.Answers["nat-rpa"] = V(random.Chance(0.6) ? "yes" : "no");
            if (random.Chance(0.3)) answers.Answers["pref-support"] = V("共同調達の枠組みと研修の継続を希望します。");
            var at = now.AddDays(-random.Next(1, 10));
            db.Add(Submitted(id, code, answers, at));
            db.Add(new NationalSurveyResult
            {
                NationalSurveyId = national.Id, PrefectureId = tenantId, RespondentCode = code, RespondentName = names.GetValueOrDefault(code, code),
                AnswersJson = NationalAnswerText.NationalOnly(survey.Form, answers).ToJson(), SubmittedAt = at, ReceivedAt = at.AddMinutes(1), Revision = 1,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
