using System.Globalization;
using System.Security.Claims;
using System.Text;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.SpecialForms;

/// <summary>One KPI of one 団体 as the table shows it, with its computed 区分.</summary>
public sealed record KpiCell(string KpiKey, string Kpi, string? Unit, KpiTargetKind? TargetKind, decimal? Target, DateOnly? DueBy,
    decimal? Baseline, DateOnly? BaselineAt, decimal? Actual, DateOnly? ActualAt, string? Stage, string? Policy, KpiClass Class);

public sealed record KpiOrganizationRow(string Code, string Name, ResponseState State, IReadOnlyList<KpiCell> Kpis);

public sealed record KpiTableView(Survey Survey, IReadOnlyList<string> Kpis, IReadOnlyList<KpiOrganizationRow> Rows);

/// <summary>The KPI progress table: per 団体 and KPI the figures it gave and the 区分 computed from them. Staff see every
/// 団体 (submitted answers; others show as not yet reported, 区分 N); an officer sees its own 団体's row.</summary>
public sealed class KpiTableService(DxCollabDbContext db)
{
    public async Task<Outcome<KpiTableView>> GetAsync(long surveyId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var found = await VisibleSurveys.FindAsync(db, user, surveyId, SurveyKind.KpiProgress, "この KPI 進捗表はありません。", ct);
        if (!found.Succeeded) return found.As<KpiTableView>();
        var survey = found.Value!;
        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == surveyId).ToListAsync(ct);
        var visible = responses.Where(r => user.MayReadAnswerOf(r.RespondentCode)).OrderBy(r => r.RespondentCode, StringComparer.Ordinal).ToList();
        var names = await FollowUp.Roster.NamesAsync(db, visible.Select(r => r.RespondentCode).ToList(), ct);
        var form = survey.Form;
        var rows = visible.Select(r =>
        {
            // Staff judge reported figures only; an officer sees its own draft too.
            var answers = r.State == ResponseState.Submitted || user.MayAnswerFor(r.RespondentCode) ? AnswerSet.FromJson(r.AnswersJson) : new AnswerSet();
            return new KpiOrganizationRow(r.RespondentCode, names[r.RespondentCode].Name, r.State,
                form.Sections.Select(s => Cell(s, answers)).ToList());
        }).ToList();
        return Outcome<KpiTableView>.Ok(new KpiTableView(survey, form.Sections.Select(s => s.Title).ToList(), rows));
    }

    public static KpiCell Cell(FormSection section, AnswerSet answers)
    {
        string? Text(string suffix) => answers[section.Key + suffix]?.Value is { Length: > 0 } v ? v.Trim() : null;
        var kind = Enum.TryParse<KpiTargetKind>(Text(SpecialFormTemplates.TargetKind), true, out var k) && Enum.IsDefined(k) ? k : (KpiTargetKind?)null;
        var target = Number(Text(SpecialFormTemplates.Target));
        var due = Date(Text(SpecialFormTemplates.DueBy));
        decimal? baseline = Number(Text(SpecialFormTemplates.Baseline)), actual = Number(Text(SpecialFormTemplates.Actual));
        DateOnly? baselineAt = Date(Text(SpecialFormTemplates.BaselineAt)), actualAt = Date(Text(SpecialFormTemplates.ActualAt));
        var kpiClass = kind is null ? KpiClass.N : KpiClassifier.Classify(new KpiRow(kind.Value, target, due,
            baseline is { } b && baselineAt is { } ba ? new KpiFigure(b, ba) : null,
            actual is { } a && actualAt is { } aa ? new KpiFigure(a, aa) : null));
        var stage = Text(SpecialFormTemplates.Stage) switch { "final" => "確報値", "preliminary" => "速報値", _ => null };
        var unit = section.Questions.FirstOrDefault(q => q.Key == section.Key + SpecialFormTemplates.Actual)?.Unit;
        return new KpiCell(section.Key, section.Title, unit, kind, target, due, baseline, baselineAt, actual, actualAt, stage,
            Text(SpecialFormTemplates.Policy), kpiClass);
    }

    /// <summary>A number as typed (全角, 桁区切り) or null.</summary>
    public static decimal? Number(string? text) => AnswerValues.TryParseDecimal(text, out var value) ? value : null;

    /// <summary>A date as the answer form accepts it (yyyy-MM-dd, 和暦) or null.</summary>
    public static DateOnly? Date(string? text) => AnswerValues.TryParseDate(text, out var date) ? date : null;
}
