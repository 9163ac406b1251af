using DxCollab.Platform.Data;
using DxCollab.Platform.Messaging;
using DxCollab.Platform.Organizations;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Surveys.Contracts;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Relay;

public sealed record RelayInput(DateOnly? Deadline, string? LegalBasis, string? Contact, List<FormSection>? OwnSections);

/// <summary>A received national survey with how far the prefecture got: relayed, answered, 確報, or reopened for
/// corrections (修正中: closing it again declares the corrected figures 確報).</summary>
public sealed record ReceivedNationalView(ReceivedNationalSurvey Received, int Roster, int Submitted, bool Reopened = false)
{
    public string Stage => Reopened ? "修正中" : Received.FinalizedAt is null ? "速報" : "確報";
}

/// <summary>Tenant side of 全国照会: the prefecture relays a received national survey to its municipalities as a local
/// survey (national sections copied as they are, optional own sections after them) and declares its figures 確報.
/// Corrections after the 速報 are the usual 差戻し and resubmission (after reopening the survey if it was closed): each
/// resubmission reports again and the national side records which figures changed; closing a reopened survey again
/// declares 確報 (<see cref="Authoring.SurveyAuthoring.CloseAsync"/>).</summary>
public sealed class NationalRelayService(DxCollabDbContext db, TimeProvider clock, Authoring.SurveyAuthoring authoring, OrganizationDirectory directory)
{
    public async Task<IReadOnlyList<ReceivedNationalView>> ListAsync(CancellationToken ct = default)
    {
        var received = await db.Set<ReceivedNationalSurvey>().AsNoTracking().OrderByDescending(r => r.ReceivedAt).ToListAsync(ct);
        var relayed = received.Where(r => r.RelayedSurveyId is not null).Select(r => r.RelayedSurveyId!.Value).ToList();
        var counts = await db.Set<SurveyResponse>().AsNoTracking().Where(r => relayed.Contains(r.SurveyId))
            .GroupBy(r => r.SurveyId)
            .Select(g => new { SurveyId = g.Key, Roster = g.Count(), Submitted = g.Count(r => r.State == ResponseState.Submitted) })
            .ToListAsync(ct);
        var reopened = await db.Set<Survey>().AsNoTracking()
            .Where(s => relayed.Contains(s.Id) && s.State == SurveyState.Published && s.ClosedAt != null).Select(s => s.Id).ToListAsync(ct);
        return received.Select(r =>
        {
            var count = counts.FirstOrDefault(c => c.SurveyId == r.RelayedSurveyId);
            return new ReceivedNationalView(r, count?.Roster ?? 0, count?.Submitted ?? 0, r.RelayedSurveyId is { } id && reopened.Contains(id));
        }).ToList();
    }

    public Task<ReceivedNationalSurvey?> FindAsync(Guid nationalId, CancellationToken ct = default) =>
        db.Set<ReceivedNationalSurvey>().AsNoTracking().FirstOrDefaultAsync(r => r.NationalSurveyId == nationalId, ct);

    public async Task<Outcome<Survey>> RelayAsync(Guid nationalId, RelayInput input, string actor, CancellationToken ct = default)
    {
        var received = await db.Set<ReceivedNationalSurvey>().FirstOrDefaultAsync(r => r.NationalSurveyId == nationalId, ct);
        if (received is null) return Outcome<Survey>.NotFound("この全国照会は届いていません。");
        if (received.RelayedSurveyId is not null) return Outcome<Survey>.Conflict("この全国照会はすでに中継しています。");
        if ((InputRefusals.Date<Survey>("deadline", input.Deadline) ?? InputRefusals.Text<Survey>("legalBasis", input.LegalBasis)
             ?? InputRefusals.Text<Survey>("contact", input.Contact)) is { } typed) return typed;
        var deadline = input.Deadline ?? received.Deadline;
        var today = JapaneseCalendar.TodayInTokyo(clock.GetUtcNow());
        if (deadline < today) return Outcome<Survey>.Invalid("deadline", $"市区町村の回答期限（{JapaneseCalendar.Format(deadline)}）が過ぎています。今日以降の日付にしてください。");
        if (deadline > received.Deadline)
            return Outcome<Survey>.Invalid("deadline", $"市区町村の回答期限は国への回答期限（{JapaneseCalendar.Format(received.Deadline)}）までの日付にしてください。");
        var national = SurveyForm.FromJson(received.FormJson);
        var own = new SurveyForm { Sections = input.OwnSections ?? [] }.Tidy().Sections;
        var nationalKeys = national.Sections.Select(s => "section:" + s.Key).Concat(national.Questions.Select(q => q.Key)).ToHashSet(StringComparer.Ordinal);
        if (NationalFormRules.Check(own, "ownSections", nationalKeys) is { } refusal) return refusal.As<Survey>();
        foreach (var section in national.Sections) section.Origin = SectionOrigin.National;
        foreach (var section in own) section.Origin = SectionOrigin.Prefecture;

        var roster = (await directory.ActiveMunicipalitiesAsync(ct)).Select(o => o.Code).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var survey = new Survey
        {
            Title = received.Title,
            Purpose = received.Purpose,
            LegalBasis = string.IsNullOrWhiteSpace(input.LegalBasis)
                ? $"国からの依頼（全国照会「{received.Title}」、調査基準日 {JapaneseCalendar.Format(received.ReferenceDate)}）に基づき、管内の市区町村に照会します。"
                : input.LegalBasis.Trim(),
            Contact = input.Contact?.Trim() ?? "",
            Deadline = deadline,
            FiscalYear = JapaneseCalendar.FiscalYear(received.ReferenceDate),
            NationalSurveyId = nationalId,
            RosterRuleJson = new Authoring.RosterRule(Authoring.RosterMode.All).ToJson(),
            Form = new SurveyForm { Sections = [.. national.Sections, .. own] },
            State = SurveyState.Published,
            CreatedAt = now, CreatedBy = actor, UpdatedAt = now, UpdatedBy = actor, PublishedAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(survey);
        await db.SaveChangesAsync(ct);
        db.AddRange(roster.Select(code => new SurveyResponse { SurveyId = survey.Id, RespondentCode = code }));
        received.RelayedSurveyId = survey.Id;
        received.RelayedAt = now;
        received.RelayedBy = actor;
        await authoring.TellAskedAsync(survey, roster, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            return Outcome<Survey>.Conflict("この全国照会はすでに中継しています。");
        }
        await transaction.CommitAsync(ct);
        return Outcome<Survey>.Ok(survey);
    }

    /// <summary>確報: the prefecture declares the figures reported so far final (it may still correct them later, which
    /// makes the corrected 団体's figures 速報 again on the national side).</summary>
    public async Task<Outcome<ReceivedNationalSurvey>> FinalizeAsync(Guid nationalId, string actor, CancellationToken ct = default)
    {
        var received = await db.Set<ReceivedNationalSurvey>().FirstOrDefaultAsync(r => r.NationalSurveyId == nationalId, ct);
        if (received is null) return Outcome<ReceivedNationalSurvey>.NotFound("この全国照会は届いていません。");
        if (received.RelayedSurveyId is null) return Outcome<ReceivedNationalSurvey>.Conflict("まだ中継していないため、確報にできません。");
        if (await db.Set<Survey>().AnyAsync(s => s.Id == received.RelayedSurveyId && s.State == SurveyState.Published && s.ClosedAt != null, ct))
            return Outcome<ReceivedNationalSurvey>.Conflict("修正のため再開しています。照会を締め切ると、修正後の数値が確報になります。");
        await NationalFigures.DeclareFinalAsync(db, received, actor, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<ReceivedNationalSurvey>.Ok(received);
    }
}
