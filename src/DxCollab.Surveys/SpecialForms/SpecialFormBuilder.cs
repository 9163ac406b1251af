using DxCollab.Platform.Data;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.SpecialForms;

public sealed record VoteSurveyInput(string? Title, string? Purpose, DateOnly? Deadline, string? LegalBasis, string? Contact,
    List<string>? Members, List<VoteItemInput>? Items, bool Publish = false);

public sealed record KpiSurveyInput(string? Title, string? Purpose, DateOnly? Deadline, string? LegalBasis, string? Contact,
    List<string>? Members, List<KpiInput>? Kpis, bool Publish = false);

/// <summary>Builds a written vote (表決書) or a KPI progress table as an ordinary survey of its kind, with its roster
/// (one response per member 団体) fixed when built: a committee's members, or every municipality for a KPI table when
/// none are named. Left as a draft for the authoring pages unless <c>publish</c> is asked.</summary>
public sealed class SpecialFormBuilder(DxCollabDbContext db, TimeProvider clock, Authoring.SurveyAuthoring authoring, OrganizationDirectory directory)
{
    public async Task<Outcome<Survey>> BuildVoteAsync(VoteSurveyInput input, string actor, CancellationToken ct = default)
    {
        var items = input.Items ?? [];
        if (items.Count == 0) return Outcome<Survey>.Invalid("items", "案件（議案）を 1 件以上入れてください。");
        if (items.Count > 30) return Outcome<Survey>.Invalid("items", "案件は 30 件までです。");
        for (var i = 0; i < items.Count; i++)
        {
            if (!InputRules.HasVisibleText(items[i].Title) || items[i].Title!.Trim().Length > 150)
                return Outcome<Survey>.Invalid("items", $"第{i + 1}号議案の件名を 150 文字以内で入力してください。");
            if ((InputRefusals.Text<Survey>("items", items[i].Title) ?? InputRefusals.Text<Survey>("items", items[i].Description)) is { } typed)
                return typed;
        }
        if ((input.Members ?? []).Count == 0) return Outcome<Survey>.Invalid("members", "構成団体（表決する団体）を 1 つ以上選んでください。");
        return await BuildAsync(SurveyKind.WrittenVote, input.Title, input.Purpose, input.Deadline,
            input.LegalBasis is { Length: > 0 } basis ? basis : "書面会議の開催（会議規約に基づく書面による表決）",
            input.Contact, input.Members, SpecialFormTemplates.WrittenVote(items), input.Publish, actor, ct);
    }

    public async Task<Outcome<Survey>> BuildKpiAsync(KpiSurveyInput input, string actor, CancellationToken ct = default)
    {
        var kpis = input.Kpis ?? [];
        if (kpis.Count == 0) return Outcome<Survey>.Invalid("kpis", "KPI を 1 つ以上入れてください。");
        if (kpis.Count > 50) return Outcome<Survey>.Invalid("kpis", "KPI は 50 件までです。");
        for (var i = 0; i < kpis.Count; i++)
        {
            if (!InputRules.HasVisibleText(kpis[i].Name) || kpis[i].Name!.Trim().Length > 150)
                return Outcome<Survey>.Invalid("kpis", $"{i + 1} 番目の KPI の名前を 150 文字以内で入力してください。");
            if ((InputRefusals.Text<Survey>("kpis", kpis[i].Name) ?? InputRefusals.Text<Survey>("kpis", kpis[i].Unit)) is { } typed) return typed;
        }
        return await BuildAsync(SurveyKind.KpiProgress, input.Title, input.Purpose, input.Deadline,
            input.LegalBasis is { Length: > 0 } basis ? basis : "DX推進計画の進捗管理（KPIの実績把握）",
            input.Contact, input.Members, SpecialFormTemplates.KpiProgress(kpis), input.Publish, actor, ct);
    }

    private async Task<Outcome<Survey>> BuildAsync(SurveyKind kind, string? title, string? purpose, DateOnly? deadline, string legalBasis,
        string? contact, List<string>? members, SurveyForm form, bool publish, string actor, CancellationToken ct)
    {
        if ((InputRefusals.Text<Survey>("title", title, "件名を入力してください。") ?? InputRefusals.Text<Survey>("purpose", purpose)
             ?? InputRefusals.Text<Survey>("legalBasis", legalBasis) ?? InputRefusals.Text<Survey>("contact", contact)
             ?? InputRefusals.Date<Survey>("deadline", deadline)) is { } typed) return typed;
        title = title?.Trim() ?? "";
        if (title.Length == 0) return Outcome<Survey>.Invalid("title", "件名を入力してください。");
        if (title.Length > 200) return Outcome<Survey>.Invalid("title", "件名は 200 文字以内で入力してください。");
        if (deadline is not { } due) return Outcome<Survey>.Invalid("deadline", "回答期限を入力してください。");
        if (due < JapaneseCalendar.TodayInTokyo(clock.GetUtcNow()))
            return Outcome<Survey>.Invalid("deadline", $"回答期限（{JapaneseCalendar.Format(due)}）が過ぎています。今日以降の日付にしてください。");
        var municipalities = (await directory.ActiveMunicipalitiesAsync(ct)).Select(o => o.Code).ToList();
        List<string> roster;
        if (members is { Count: > 0 })
        {
            var wanted = members.Select(m => m.Trim()).Distinct().ToList();
            // Members are municipalities: the prefecture itself has no officer who could cast its vote.
            roster = municipalities.Where(wanted.Contains).ToList();
            if (wanted.Except(roster).FirstOrDefault() is { } unknown)
                return Outcome<Survey>.Invalid("members", $"団体コード「{unknown}」はこの都道府県の市区町村ではありません。");
        }
        else roster = municipalities;

        var now = clock.GetUtcNow().UtcDateTime;
        var survey = new Survey
        {
            Kind = kind, Title = title, Purpose = purpose?.Trim() ?? "", LegalBasis = legalBasis.Trim(), Contact = contact?.Trim() ?? "",
            Deadline = due, FiscalYear = JapaneseCalendar.FiscalYear(due), Form = form,
            RosterRuleJson = new Authoring.RosterRule(Authoring.RosterMode.Picked, Codes: roster).ToJson(),
            State = publish ? SurveyState.Published : SurveyState.Draft, PublishedAt = publish ? now : null,
            CreatedAt = now, CreatedBy = actor, UpdatedAt = now, UpdatedBy = actor,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(survey);
        await db.SaveChangesAsync(ct);
        db.AddRange(roster.Select(code => new SurveyResponse { SurveyId = survey.Id, RespondentCode = code }));
        if (publish) await authoring.TellAskedAsync(survey, roster, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<Survey>.Ok(survey);
    }
}
