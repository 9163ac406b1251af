using System.Globalization;
using System.Security.Claims;
using DxCollab.Platform.Calendar;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Reminders;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using JapaneseCalendar = DxCollab.Platform.Text.JapaneseCalendar;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Authoring;

/// <summary>The prefecture's staff write a survey, choose who answers, publish, change it only by adding after
/// publishing (respondents are told), close it, and start the next round from a copy. Officers read the published
/// surveys their 団体 is asked; a draft, and another 団体's or tenant's survey, is "not found" to them.</summary>
public sealed partial class SurveyAuthoring(DxCollabDbContext db, NotificationService notifications, BusinessCalendar calendar, TimeProvider clock,
    OrganizationDirectory directory)
{
    public const string NotificationCategory = "survey";
    public const int MaxTitle = 200, MaxPurpose = 4000, MaxLegalBasis = 1000, MaxContact = 500, MaxDepartmentName = 100;
    private const string AuthorsOnly = "照会を作成・変更できるのは都道府県の職員だけです。";
    private const string NotFoundMessage = "照会が見つかりません。";

    private IQueryable<Survey> Surveys => db.Set<Survey>();
    private IQueryable<SurveyResponse> Responses => db.Set<SurveyResponse>();
    private DateOnly Today => calendar.Today(clock);
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // ---- reading ----

    /// <summary>Staff: every survey (open first, then drafts, then closed). Officer: the published or closed surveys
    /// its 団体 is asked, with its own status; open ones first, nearest deadline first.</summary>
    public async Task<Outcome<IReadOnlyList<SurveySummary>>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.IsPrefectureStaff())
        {
            var surveys = await Surveys.AsNoTracking().ToListAsync(ct);
            var counts = await Responses.AsNoTracking().GroupBy(r => r.SurveyId)
                .Select(g => new { g.Key, Total = g.Count(), Submitted = g.Count(r => r.State == ResponseState.Submitted) })
                .ToDictionaryAsync(g => g.Key, ct);
            return Outcome<IReadOnlyList<SurveySummary>>.Ok(surveys
                .OrderBy(s => s.State switch { SurveyState.Published => 0, SurveyState.Draft => 1, _ => 2 })
                .ThenBy(s => s.State == SurveyState.Closed ? -s.Deadline.DayNumber : s.Deadline.DayNumber).ThenByDescending(s => s.Id)
                .Select(s => Summary(s, counts.TryGetValue(s.Id, out var c) ? c.Total : 0, c?.Submitted ?? 0, null)).ToList());
        }
        if (user.OwnOrganizationCode() is not { } own) return Outcome<IReadOnlyList<SurveySummary>>.Ok([]);
        var rows = await (from s in Surveys.AsNoTracking()
                          join r in Responses.AsNoTracking() on s.Id equals r.SurveyId
                          where r.RespondentCode == own && s.State != SurveyState.Draft
                          select new { Survey = s, Response = r }).ToListAsync(ct);
        return Outcome<IReadOnlyList<SurveySummary>>.Ok(rows
            .OrderBy(x => x.Survey.State == SurveyState.Published ? 0 : 1).ThenBy(x => x.Response.ExtendedDeadline ?? x.Survey.Deadline)
            .Select(x => Summary(x.Survey, 0, 0, x.Response)).ToList());
    }

    public async Task<Outcome<SurveyDetail>> GetAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var survey = await Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return Outcome<SurveyDetail>.NotFound(NotFoundMessage);
        var own = user.OwnOrganizationCode();
        var ownResponse = own is null ? null : await Responses.AsNoTracking().FirstOrDefaultAsync(r => r.SurveyId == id && r.RespondentCode == own, ct);
        if (!user.MaySee(survey, ownResponse is not null)) return Outcome<SurveyDetail>.NotFound(NotFoundMessage);
        var staff = user.IsPrefectureStaff();
        var (total, submitted) = staff
            ? (await Responses.CountAsync(r => r.SurveyId == id, ct), await Responses.CountAsync(r => r.SurveyId == id && r.State == ResponseState.Submitted, ct))
            : (0, 0);
        var deadline = SurveyResponse.EffectiveDeadline(ownResponse?.ExtendedDeadline, survey.Deadline);
        return Outcome<SurveyDetail>.Ok(new SurveyDetail(survey.Id, survey.Title, survey.Kind, survey.State, survey.State.AuthoringLabel(), survey.Purpose,
            survey.LegalBasis, survey.Contact, survey.Deadline, JapaneseCalendar.Format(survey.Deadline), survey.FiscalYear, survey.IsConfidential,
            survey.CopiedFromSurveyId, survey.NationalSurveyId, survey.FormRevision, survey.Form, staff ? RosterRule.FromJson(survey.RosterRuleJson) : null,
            staff ? CheckDeadline(survey.Deadline) : null, calendar.BusinessDaysLeft(Today, deadline), total, submitted, ownResponse?.RespondentCode, ownResponse?.State,
            ownResponse?.State.ToJapanese(), ownResponse is null ? null : deadline, survey.CreatedAt.AsUtc(), survey.CreatedBy, survey.UpdatedAt.AsUtc(),
            survey.UpdatedBy, survey.PublishedAt.AsUtc(), survey.ClosedAt.AsUtc()));
    }

    /// <summary>A deadline on a 閉庁日 (土日・祝日・年末年始) is allowed — some surveys must close on a fixed date — but
    /// flagged, with the next 開庁日 suggested.</summary>
    public DeadlineWarning? CheckDeadline(DateOnly deadline)
    {
        if (calendar.ClosedReason(deadline) is not { } reason) return null;
        var next = calendar.NextBusinessDay(deadline);
        return new(reason, next, $"回答期限 {JapaneseCalendar.Format(deadline)} は閉庁日（{reason}）です。次の開庁日は {JapaneseCalendar.FormatWithWestern(next)} です。");
    }

    // ---- writing the basics ----

    public async Task<Outcome<SurveyDetail>> CreateAsync(SurveyInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayAuthor()) return Outcome<SurveyDetail>.Forbidden(AuthorsOnly);
        var (deadline, problem) = CheckInput(input);
        if (problem is not null) return problem.As<SurveyDetail>();
        var now = Now;
        var survey = new Survey
        {
            Title = input.Title!.Trim(), Purpose = input.Purpose?.Trim() ?? "", LegalBasis = input.LegalBasis!.Trim(), Contact = input.Contact!.Trim(),
            Deadline = deadline, FiscalYear = JapaneseCalendar.FiscalYear(deadline), IsConfidential = input.IsConfidential,
            CreatedAt = now, CreatedBy = user.ActorLabel(), UpdatedAt = now, UpdatedBy = user.ActorLabel(),
        };
        survey.Form = new SurveyForm();
        db.Add(survey);
        await db.SaveChangesAsync(ct);
        return await GetAsync(survey.Id, user, ct);
    }

    /// <summary>Changes the basics. After publishing the deadline may only move later (an additive change the
    /// respondents are told of) and the confidentiality promised to them stays.</summary>
    public async Task<Outcome<SurveyDetail>> UpdateAsync(long id, SurveyInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (survey, refusal) = await LoadForAuthoringAsync(id, user, ct);
        if (survey is null) return refusal!.As<SurveyDetail>();
        var (deadline, problem) = CheckInput(input);
        if (problem is not null) return problem.As<SurveyDetail>();
        var extended = false;
        if (survey.State == SurveyState.Published)
        {
            if (deadline < survey.Deadline)
                return Outcome<SurveyDetail>.Conflict($"公開後は回答期限を延ばすことだけができます（今の期限は {JapaneseCalendar.FormatWithWestern(survey.Deadline)}）。", "deadline");
            if (input.IsConfidential != survey.IsConfidential)
                return Outcome<SurveyDetail>.Conflict("公開後は「結果を還元しない（非公開）」の設定を変更できません。回答した団体に伝えた条件が変わるためです。", "isConfidential");
            extended = deadline > survey.Deadline;
        }
        survey.Title = input.Title!.Trim();
        survey.Purpose = input.Purpose?.Trim() ?? "";
        survey.LegalBasis = input.LegalBasis!.Trim();
        survey.Contact = input.Contact!.Trim();
        survey.IsConfidential = input.IsConfidential;
        survey.Deadline = deadline;
        survey.FiscalYear = JapaneseCalendar.FiscalYear(deadline);
        Touch(survey, user);
        if (extended)
            await TellRespondentsAsync(survey, $"回答期限を {JapaneseCalendar.FormatWithWestern(deadline)} に延長しました。", user, ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, user, ct);
    }

    /// <summary>Only a draft can be deleted: once published, 団体 may have answered.</summary>
    public async Task<Outcome<bool>> DeleteAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (survey, refusal) = await LoadForAuthoringAsync(id, user, ct, allowClosed: true);
        if (survey is null) return refusal!.As<bool>();
        if (survey.State != SurveyState.Draft)
            return Outcome<bool>.Conflict("削除できるのは作成中の照会だけです。公開した照会は締め切ってください。");
        db.Remove(survey);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    // ---- the form ----

    /// <summary>Replaces the form: new sections and questions (empty key) get the next keys; the form is checked; a
    /// published form may only grow, and every such change is told to the respondents.</summary>
    public async Task<Outcome<SurveyDetail>> UpdateFormAsync(long id, SurveyForm proposed, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (survey, refusal) = await LoadForAuthoringAsync(id, user, ct);
        if (survey is null) return refusal!.As<SurveyDetail>();
        var stored = survey.Form;
        proposed.Tidy();
        // Who asks a section is not the client's to change: a relayed survey's national sections stay national (only their
        // answers go back to the national side); new sections are the prefecture's own.
        var origins = stored.Sections.ToDictionary(s => s.Key, s => s.Origin, StringComparer.Ordinal);
        foreach (var section in proposed.Sections)
            section.Origin = section.Key is { } key && origins.TryGetValue(key, out var origin) ? origin : SectionOrigin.Prefecture;
        var problem = FormRules.AssignKeys(stored, proposed) ?? FormRules.Validate(proposed);
        if (problem is not null) return Outcome<SurveyDetail>.Invalid(problem.Field, problem.Message);
        if (survey.State == SurveyState.Published && FormRules.CheckAdditive(stored, proposed) is { } change)
            return Outcome<SurveyDetail>.Conflict(change.Message, change.Field);
        if (proposed.ToJson() == stored.ToJson()) return await GetAsync(id, user, ct);
        survey.Form = proposed;
        Touch(survey, user);
        if (survey.State != SurveyState.Published) survey.FormRevision++;
        else
        {
            var added = proposed.Questions.Count() - stored.Questions.Count();
            await TellRespondentsAsync(survey, added > 0 ? $"質問が {added} 問追加されました。" : "質問の選択肢・説明などが追加・修正されました。", user, ct);
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, user, ct);
    }

    /// <summary>The questions of the tenant's other surveys of the same 年度 with the same text (NFKC: ＫＰＩ = KPI).</summary>
    public async Task<Outcome<IReadOnlyList<RepeatWarning>>> RepeatsAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (survey, refusal) = await LoadForAuthoringAsync(id, user, ct, allowClosed: true, tracked: false);
        if (survey is null) return refusal!.As<IReadOnlyList<RepeatWarning>>();
        return Outcome<IReadOnlyList<RepeatWarning>>.Ok(await RepeatsOfAsync(survey.Id, survey.FiscalYear, survey.Form, ct));
    }

    public async Task<IReadOnlyList<RepeatWarning>> RepeatsOfAsync(long surveyId, int fiscalYear, SurveyForm form, CancellationToken ct = default)
    {
        var mine = form.Questions.Select(q => (Question: q, Key: JapaneseText.SearchKey(q.Text))).Where(x => x.Key.Length > 0).ToList();
        if (mine.Count == 0) return [];
        var others = await Surveys.AsNoTracking().Where(s => s.FiscalYear == fiscalYear && s.Id != surveyId)
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.Title, s.FormJson }).ToListAsync(ct);
        var asked = others.SelectMany(o => SurveyForm.FromJson(o.FormJson).Questions.Select(q => (o.Id, o.Title, q.Key, Text: JapaneseText.SearchKey(q.Text))))
            .ToLookup(x => x.Text);
        return mine.SelectMany(m => asked[m.Key].Select(o => new RepeatWarning(m.Question.Key, m.Question.Text, o.Id, o.Title, o.Key))).ToList();
    }

    // ---- the roster ----

    public async Task<Outcome<RosterView>> GetRosterAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (survey, refusal) = await LoadForAuthoringAsync(id, user, ct, allowClosed: true, tracked: false);
        if (survey is null) return refusal!.As<RosterView>();
        var rule = RosterRule.FromJson(survey.RosterRuleJson);
        if (survey.State != SurveyState.Draft)
        {
            // Once published, the roster is the responses (a 団体 abolished since keeps its row).
            var codes = await Responses.AsNoTracking().Where(r => r.SurveyId == id).Select(r => r.RespondentCode).ToListAsync(ct);
            return Outcome<RosterView>.Ok(new RosterView(rule, await NamesAsync(codes, ct)));
        }
        var resolved = await ResolveAsync(rule, ct);
        return resolved.Succeeded ? Outcome<RosterView>.Ok(new RosterView(rule, resolved.Value!)) : Outcome<RosterView>.Ok(new RosterView(rule, []));
    }

    /// <summary>Sets who answers. After publishing only additions: each new entry gets its response and is told; an
    /// entry already asked cannot be taken off (409 naming it).</summary>
    public async Task<Outcome<RosterView>> SetRosterAsync(long id, RosterRule rule, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (survey, refusal) = await LoadForAuthoringAsync(id, user, ct);
        if (survey is null) return refusal!.As<RosterView>();
        var resolved = await ResolveAsync(rule, ct);
        if (!resolved.Succeeded) return resolved.As<RosterView>();
        var entries = resolved.Value!;
        if (survey.State == SurveyState.Published)
        {
            var existing = await Responses.Where(r => r.SurveyId == id).Select(r => r.RespondentCode).ToListAsync(ct);
            var named = entries.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
            // A 団体 abolished (merged) since publishing, or a department closed, is no longer offered: it is not "dropped".
            var gone = (await db.Organizations.AsNoTracking().Where(o => o.AbolishedOn != null && existing.Contains(o.Code)).Select(o => o.Code).ToListAsync(ct))
                .Concat((await db.Set<SurveyDepartment>().AsNoTracking().Where(d => !d.IsActive).Select(d => d.Id).ToListAsync(ct)).Select(SurveyResponse.DepartmentCode))
                .ToHashSet(StringComparer.Ordinal);
            var dropped = existing.Where(c => !named.Contains(c) && !gone.Contains(c)).ToList();
            if (dropped.Count > 0)
            {
                var names = await NamesAsync(dropped, ct);
                return Outcome<RosterView>.Conflict($"公開後は回答先を外せません（追加だけができます）: {string.Join("、", names.Select(n => $"{n.Name}（{n.Code}）"))}", "roster");
            }
            var added = entries.Where(e => !existing.Contains(e.Code)).ToList();
            if (added.Count > 0)
            {
                AddResponses(survey, added);
                await NotifyAsync(added.Select(a => a.Code), Asked(survey), ct);
                await TellRespondentsAsync(survey, $"回答先に {added.Count} 団体が追加されました。", user, ct, except: added.Select(a => a.Code).ToHashSet());
            }
        }
        survey.RosterRuleJson = rule.ToJson();
        Touch(survey, user);
        await db.SaveChangesAsync(ct);
        return await GetRosterAsync(id, user, ct);
    }

    /// <summary>The active municipalities (and departments) a rule names, or a refusal naming what is unknown.</summary>
    public async Task<Outcome<List<RosterEntry>>> ResolveAsync(RosterRule rule, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(rule.Mode)) return Outcome<List<RosterEntry>>.Invalid("mode", "回答先の選び方は all（全市区町村）、categories（団体区分）、picked（個別に選ぶ）のいずれかです。");
        var municipalities = await directory.ActiveMunicipalitiesAsync(ct);
        IReadOnlyList<OrganizationView> chosen;
        switch (rule.Mode)
        {
            case RosterMode.All:
                chosen = municipalities;
                break;
            case RosterMode.Categories:
                if (rule.CategoryList.Count == 0) return Outcome<List<RosterEntry>>.Invalid("categories", "団体区分を 1 つ以上選んでください。");
                if (rule.CategoryList.FirstOrDefault(c => RosterRule.ParseCategory(c) is null) is { } bad)
                    return Outcome<List<RosterEntry>>.Invalid("categories", $"団体区分「{bad}」は市区町村の区分ではありません。指定都市・中核市・特別区・指定都市・中核市以外の市・町村から選んでください（都道府県の部局は「部局」から選びます）。");
                var categories = rule.CategoryList.Select(c => RosterRule.ParseCategory(c)!.Value).ToHashSet();
                chosen = municipalities.Where(o => categories.Contains(o.Category)).ToList();
                break;
            case RosterMode.Picked:
                if (rule.CodeList.Count == 0) return Outcome<List<RosterEntry>>.Invalid("codes", "回答する市区町村を 1 つ以上選んでください。");
                var byCode = municipalities.ToDictionary(o => o.Code, StringComparer.Ordinal);
                if (rule.CodeList.FirstOrDefault(c => !byCode.ContainsKey(c.Trim())) is { } unknown)
                    return Outcome<List<RosterEntry>>.Invalid("codes", $"団体コード「{unknown}」の市区町村はこの都道府県にありません（廃止された団体は選べません）。");
                chosen = rule.CodeList.Select(c => byCode[c.Trim()]).Distinct().OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
                break;
            default:
                chosen = [];
                break;
        }
        var entries = chosen.Select(o => new RosterEntry(o.Code, o.Name, o.Category)).ToList();
        if (rule.DepartmentList.Count > 0)
        {
            var departments = await db.Set<SurveyDepartment>().AsNoTracking().Where(d => d.IsActive).ToDictionaryAsync(d => d.Id, ct);
            if (rule.DepartmentList.FirstOrDefault(d => !departments.ContainsKey(d)) is var missing && missing != 0)
                return Outcome<List<RosterEntry>>.Invalid("departments", $"部局（番号 {missing}）はありません（使わなくなった部局は選べません）。");
            entries.AddRange(rule.DepartmentList.Distinct().Select(d => new RosterEntry(SurveyResponse.DepartmentCode(d), departments[d].Name)));
        }
        return Outcome<List<RosterEntry>>.Ok(entries);
    }

    // ---- publish, copy (close and reopen: SurveyAuthoring.Closing.cs) ----

    /// <summary>Publishes a draft: at least one question, one respondent and a deadline not past; one response
    /// (未着手) per roster entry; every respondent is told.</summary>
    public async Task<Outcome<SurveyDetail>> PublishAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (survey, refusal) = await LoadForAuthoringAsync(id, user, ct);
        if (survey is null) return refusal!.As<SurveyDetail>();
        if (survey.State != SurveyState.Draft) return Outcome<SurveyDetail>.Conflict("この照会はすでに公開されています。");
        if (!survey.Form.Questions.Any()) return Outcome<SurveyDetail>.Invalid("form", "質問が 1 つもありません。質問を追加してから公開してください。");
        if (survey.Deadline < Today)
            return Outcome<SurveyDetail>.Invalid("deadline", $"回答期限 {JapaneseCalendar.FormatWithWestern(survey.Deadline)} は過ぎています。今日以降の日付にしてから公開してください。");
        var resolved = await ResolveAsync(RosterRule.FromJson(survey.RosterRuleJson), ct);
        if (!resolved.Succeeded) return resolved.As<SurveyDetail>();
        if (resolved.Value!.Count == 0) return Outcome<SurveyDetail>.Invalid("roster", "回答する団体が 1 つもありません。回答先を選んでから公開してください。");
        survey.State = SurveyState.Published;
        survey.PublishedAt = Now;
        Touch(survey, user);
        // The vote and KPI builders create their roster's responses up front: add only the missing ones.
        var existing = (await Responses.Where(r => r.SurveyId == survey.Id).Select(r => r.RespondentCode).ToListAsync(ct)).ToHashSet();
        AddResponses(survey, resolved.Value.Where(e => !existing.Contains(e.Code)));
        await NotifyAsync(resolved.Value.Select(e => e.Code), Asked(survey), ct);
        // Published twice at once (a double click): the second finds the responses already there.
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); return Outcome<SurveyDetail>.Conflict("この照会はすでに公開されています。"); }
        return await GetAsync(id, user, ct);
    }

    /// <summary>A new round: the same questions and keys (so last round's answers can prefill), the same roster rule,
    /// a new deadline; a draft that remembers where it came from.</summary>
    public async Task<Outcome<SurveyDetail>> CopyAsync(long id, CopyRequest request, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (source, refusal) = await LoadForAuthoringAsync(id, user, ct, allowClosed: true, tracked: false);
        if (source is null) return refusal!.As<SurveyDetail>();
        var (deadline, problem) = ParseDeadline(request.Deadline);
        if (problem is not null) return problem.As<SurveyDetail>();
        if (deadline < Today) return Outcome<SurveyDetail>.Invalid("deadline", "新しい回の回答期限は今日以降の日付にしてください。");
        if (InputRefusals.Text<SurveyDetail>("title", request.Title) is { } typed) return typed;
        var title = string.IsNullOrWhiteSpace(request.Title) ? source.Title : request.Title.Trim();
        if (title.Length > MaxTitle) return Outcome<SurveyDetail>.Invalid("title", $"件名は {MaxTitle} 文字以内にしてください。");
        var now = Now;
        var copy = new Survey
        {
            Kind = source.Kind, Title = title, Purpose = source.Purpose, LegalBasis = source.LegalBasis, Contact = source.Contact, Deadline = deadline,
            FiscalYear = JapaneseCalendar.FiscalYear(deadline), IsConfidential = source.IsConfidential, CopiedFromSurveyId = source.Id,
            RosterRuleJson = source.RosterRuleJson, FormJson = source.FormJson, CreatedAt = now, CreatedBy = user.ActorLabel(), UpdatedAt = now,
            UpdatedBy = user.ActorLabel(),
        };
        db.Add(copy);
        await db.SaveChangesAsync(ct);
        return await GetAsync(copy.Id, user, ct);
    }

    // ---- departments ----

    public async Task<Outcome<IReadOnlyList<DepartmentView>>> DepartmentsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayAuthor()) return Outcome<IReadOnlyList<DepartmentView>>.Forbidden(AuthorsOnly);
        var rows = await db.Set<SurveyDepartment>().AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        return Outcome<IReadOnlyList<DepartmentView>>.Ok(rows.Select(View).ToList());
    }

    public async Task<Outcome<DepartmentView>> AddDepartmentAsync(DepartmentInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayAuthor()) return Outcome<DepartmentView>.Forbidden(AuthorsOnly);
        if (InputRefusals.Text<DepartmentView>("name", input.Name, "部局・課の名前を入力してください。") is { } typed) return typed;
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) return Outcome<DepartmentView>.Invalid("name", "部局・課の名前を入力してください。");
        if (name.Length > MaxDepartmentName) return Outcome<DepartmentView>.Invalid("name", $"部局・課の名前は {MaxDepartmentName} 文字以内にしてください。");
        var key = JapaneseText.SearchKey(name);
        var existing = await db.Set<SurveyDepartment>().Select(d => d.Name).ToListAsync(ct);
        if (existing.Any(n => JapaneseText.SearchKey(n) == key)) return Outcome<DepartmentView>.Conflict($"部局「{name}」はすでにあります。", "name");
        var department = new SurveyDepartment { Name = name };
        db.Add(department);
        await db.SaveChangesAsync(ct);
        return Outcome<DepartmentView>.Ok(View(department));
    }

    /// <summary>A department no longer used is switched off (kept: past responses still name it).</summary>
    public async Task<Outcome<DepartmentView>> SetDepartmentActiveAsync(long id, bool active, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayAuthor()) return Outcome<DepartmentView>.Forbidden(AuthorsOnly);
        var department = await db.Set<SurveyDepartment>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (department is null) return Outcome<DepartmentView>.NotFound("部局が見つかりません。");
        department.IsActive = active;
        await db.SaveChangesAsync(ct);
        return Outcome<DepartmentView>.Ok(View(department));
    }

    /// <summary>Active municipalities for the roster picker, in 団体コード order.</summary>
    public async Task<IReadOnlyList<RosterEntry>> MunicipalitiesAsync(CancellationToken ct = default)
    {
        var all = await ResolveAsync(new RosterRule(RosterMode.All), ct);
        return all.Value ?? [];
    }

    // ---- helpers ----

    private async Task<(Survey? Survey, Outcome<Survey>? Refusal)> LoadForAuthoringAsync(long id, ClaimsPrincipal user, CancellationToken ct,
        bool allowClosed = false, bool tracked = true)
    {
        if (!user.MayAuthor()) return (null, Outcome<Survey>.Forbidden(AuthorsOnly));
        var query = tracked ? db.Set<Survey>() : db.Set<Survey>().AsNoTracking();
        var survey = await query.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return (null, Outcome<Survey>.NotFound(NotFoundMessage));
        if (!allowClosed && survey.State == SurveyState.Closed) return (null, Outcome<Survey>.Conflict("締め切った照会は変更できません。次の回は「複写して新しい回を作る」から作成してください。"));
        return (survey, null);
    }

    private (DateOnly Deadline, Outcome<Survey>? Problem) CheckInput(SurveyInput input)
    {
        string? Check(string field, string label, string? value, int max, bool required)
        {
            // The shared rules first (NUL, bidi, a title of zero-width characters only): the page and the API alike.
            if (InputRules.TextError(value, required ? $"{label}を入力してください。" : null) is { } refused) return refused;
            var text = value?.Trim() ?? "";
            if (required && text.Length == 0) return $"{label}を入力してください。";
            return text.Length > max ? $"{label}は {max} 文字以内にしてください。" : null;
        }
        foreach (var (field, label, value, max, required) in new[]
                 {
                     ("title", "件名", input.Title, MaxTitle, true), ("purpose", "趣旨", input.Purpose, MaxPurpose, false),
                     ("legalBasis", "根拠（法令・通知など）", input.LegalBasis, MaxLegalBasis, true), ("contact", "問い合わせ先", input.Contact, MaxContact, true),
                 })
            if (Check(field, label, value, max, required) is { } message) return (default, Outcome<Survey>.Invalid(field, message));
        return ParseDeadline(input.Deadline);
    }

    private (DateOnly Deadline, Outcome<Survey>? Problem) ParseDeadline(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0) return (default, Outcome<Survey>.Invalid("deadline", "回答期限を入力してください（例: 2026-12-25）。"));
        if (!DateOnly.TryParseExact(value, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (default, Outcome<Survey>.Invalid("deadline", $"回答期限「{value}」を日付として読めません。2026-12-25 の形で入力してください。"));
        if (InputRefusals.Date<Survey>("deadline", date) is { } outOfRange) return (default, outOfRange);
        var today = Today;
        if (date < today.AddYears(-1) || date > today.AddYears(5))
            return (default, Outcome<Survey>.Invalid("deadline", "回答期限は、1 年前から 5 年後までの日付にしてください。"));
        return (date, null);
    }

    private void AddResponses(Survey survey, IEnumerable<RosterEntry> entries)
    {
        foreach (var entry in entries)
            db.Add(new SurveyResponse { SurveyId = survey.Id, RespondentCode = entry.Code, State = ResponseState.NotStarted });
    }

    /// <summary>An additive change after publishing: the form revision moves on, every response records it and every
    /// respondent (but <paramref name="except"/>, just asked) is told.</summary>
    private async Task TellRespondentsAsync(Survey survey, string what, ClaimsPrincipal user, CancellationToken ct, IReadOnlySet<string>? except = null)
    {
        survey.FormRevision++;
        var now = Now;
        var responses = await Responses.AsNoTracking().Where(r => r.SurveyId == survey.Id).Select(r => new { r.Id, r.RespondentCode }).ToListAsync(ct);
        foreach (var response in responses)
            db.Add(new SurveyResponseEvent
            {
                SurveyId = survey.Id, ResponseId = response.Id, Kind = ResponseEventKind.FormChanged, At = now, By = user.ActorLabel(),
                Detail = $"第{survey.FormRevision}版: {what}",
            });
        var told = responses.Select(r => r.RespondentCode).Where(c => except is null || !except.Contains(c));
        await NotifyAsync(told, new NotificationMessage(NotificationCategory, $"照会「{JapaneseText.Shorten(survey.Title)}」が変更されました",
            $"{what}\n回答期限: {JapaneseCalendar.FormatWithWestern(survey.Deadline)}", Link(survey)) { SourceKey = $"Survey:{survey.Id}:r{survey.FormRevision}" }, ct);
    }

    /// <summary>Tells the respondents of a survey published elsewhere (a vote, a KPI table, a relayed national survey)
    /// that it asks them, as publishing here does. The caller saves.</summary>
    public Task TellAskedAsync(Survey survey, IEnumerable<string> respondentCodes, CancellationToken ct = default) =>
        NotifyAsync(respondentCodes, Asked(survey), ct);

    private NotificationMessage Asked(Survey survey) =>
        new(NotificationCategory, $"照会「{JapaneseText.Shorten(survey.Title)}」への回答をお願いします",
            $"都道府県から照会が届きました。\n回答期限: {JapaneseCalendar.FormatWithWestern(survey.Deadline)}\n根拠: {JapaneseText.Shorten(survey.LegalBasis)}", Link(survey))
        {
            SourceKey = $"Survey:{survey.Id}:asked",
        };

    /// <summary>The active officers of the named 団体; the prefecture's staff for its departments.</summary>
    private async Task NotifyAsync(IEnumerable<string> codes, NotificationMessage message, CancellationToken ct)
    {
        var list = codes.ToList();
        var organizations = list.Where(c => !SurveyResponse.IsDepartmentCode(c)).ToList();
        if (organizations.Count > 0)
        {
            // The 団体's officers only: an expert placed in a 団体 sees no survey, so is not told of one.
            var officers = await ReminderRecipients.OfficersAsync(db, organizations, ct);
            await notifications.NotifyAsync(officers.SelectMany(o => o), message, ct);
        }
        if (list.Any(SurveyResponse.IsDepartmentCode)) await notifications.NotifyPrefectureStaffAsync(message, ct);
    }

    private async Task<List<RosterEntry>> NamesAsync(IReadOnlyList<string> codes, CancellationToken ct)
    {
        var names = await FollowUp.Roster.NamesAsync(db, codes, ct);
        return codes.OrderBy(SurveyResponse.IsDepartmentCode).ThenBy(c => c, StringComparer.Ordinal).Select(c => names[c]).ToList();
    }

    private SurveySummary Summary(Survey s, int total, int submitted, SurveyResponse? own)
    {
        var deadline = SurveyResponse.EffectiveDeadline(own?.ExtendedDeadline, s.Deadline);
        return new(s.Id, s.Title, s.Kind, s.State, s.State.AuthoringLabel(), s.Deadline, JapaneseCalendar.Format(s.Deadline), s.FiscalYear, total, submitted,
            own?.RespondentCode, own?.State, own?.State.ToJapanese(), own is null ? null : deadline,
            s.State == SurveyState.Published ? calendar.BusinessDaysLeft(Today, deadline) : null);
    }

    private void Touch(Survey survey, ClaimsPrincipal user)
    {
        survey.UpdatedAt = Now;
        survey.UpdatedBy = user.ActorLabel();
    }

    private string Link(Survey survey) => $"/{db.CurrentTenantId}/surveys/{survey.Id}";

    private static DepartmentView View(SurveyDepartment d) => new(d.Id, d.Name, d.IsActive, SurveyResponse.DepartmentCode(d.Id));
}
