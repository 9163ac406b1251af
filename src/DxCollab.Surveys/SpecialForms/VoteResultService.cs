using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Notifications;
using DxCollab.Platform.Results;
using DxCollab.Surveys.Access;
using DxCollab.Surveys.Domain;
using DxCollab.Surveys.Forms;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.SpecialForms;

public sealed record MemberStatus(string Code, string Name, bool Submitted);

public sealed record VoteResultView(Survey Survey, IReadOnlyList<ItemResult> Items, IReadOnlyList<MemberStatus> Members)
{
    public bool IsFinal => Survey.State == SurveyState.Closed;
}

/// <summary>The result of a written vote: the secretariat (prefecture staff) follows it at any time; members see it
/// once the vote is closed, and are told so (<see cref="NotifyClosedVotesAsync"/>).</summary>
public sealed class VoteResultService(DxCollabDbContext db, NotificationService notifications)
{
    public async Task<Outcome<VoteResultView>> GetAsync(long surveyId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var found = await VisibleSurveys.FindAsync(db, user, surveyId, SurveyKind.WrittenVote, "この表決書はありません。", ct);
        if (!found.Succeeded) return found.As<VoteResultView>();
        var survey = found.Value!;
        if (!user.MayAuthor() && survey.State != SurveyState.Closed)
            return Outcome<VoteResultView>.Forbidden("表決の結果は締切の後にお知らせします。");
        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == surveyId).ToListAsync(ct);
        return Outcome<VoteResultView>.Ok(await BuildAsync(survey, responses, ct));
    }

    private async Task<VoteResultView> BuildAsync(Survey survey, List<SurveyResponse> responses, CancellationToken ct)
    {
        var names = await FollowUp.Roster.NamesAsync(db, responses.Select(r => r.RespondentCode).ToList(), ct);
        var members = responses.OrderBy(r => r.RespondentCode, StringComparer.Ordinal)
            .Select(r => (Response: r, Name: names[r.RespondentCode].Name,
                Answers: r.State == ResponseState.Submitted ? AnswerSet.FromJson(r.AnswersJson) : null)).ToList();
        var items = survey.Form.Sections.Select(section => VoteTally.Tally(section.Key, section.Title, members.Select(m =>
        {
            var vote = m.Answers?[section.Key + SpecialFormTemplates.VoteSuffix]?.Value;
            return new MemberVote(m.Response.RespondentCode, m.Name,
                vote == SpecialFormTemplates.For ? true : vote == SpecialFormTemplates.Against ? false : null,
                m.Answers?[section.Key + SpecialFormTemplates.OpinionSuffix]?.Value);
        }))).ToList();
        return new VoteResultView(survey, items, members.Select(m => new MemberStatus(m.Response.RespondentCode, m.Name, m.Answers is not null)).ToList());
    }

    /// <summary>Tells every member 団体 (and the secretariat) the result of each closed vote not announced yet; the
    /// notification's source key records that it was sent, so each vote is announced once. One query finds the votes
    /// still to announce (the job runs every 15 minutes: it must not walk every vote ever closed).</summary>
    public async Task<int> NotifyClosedVotesAsync(CancellationToken ct = default)
    {
        var sent = db.Notifications;
        var pending = await db.Set<Survey>().AsNoTracking()
            .Where(s => s.Kind == SurveyKind.WrittenVote && s.State == SurveyState.Closed)
            .Where(s => !sent.Any(n => n.SourceKey == SourceKeyPrefix + s.Id))
            .Select(s => new { s.Id, s.Title, s.TenantId }).ToListAsync(ct);
        var announced = 0;
        foreach (var vote in pending)
        {
            // Reopened since the list was read? A conditional write (State stays Closed) takes the survey row's lock until the
            // notices commit: a 再開 at the same moment waits for it and then finds the result announced (it re-checks inside
            // its transaction), or reopened first and this finds no closed row.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.Set<Survey>().Where(s => s.Id == vote.Id && s.State == SurveyState.Closed)
                    .ExecuteUpdateAsync(set => set.SetProperty(s => s.State, SurveyState.Closed), ct) == 0) continue;
            var key = SourceKey(vote.Id);
            var codes = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == vote.Id).Select(r => r.RespondentCode).ToListAsync(ct);
            var message = new NotificationMessage("照会", $"書面会議「{vote.Title}」の表決結果", "表決の結果をお知らせします。各議案の賛否とご意見をご確認ください。",
                $"/{vote.TenantId}/surveys/{vote.Id}/vote-result") { SourceKey = key };
            foreach (var code in codes.Where(c => !SurveyResponse.IsDepartmentCode(c))) await notifications.NotifyOrganizationAsync(code, message, ct);
            await notifications.NotifyPrefectureStaffAsync(message, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            announced++;
        }
        return announced;
    }

    private const string SourceKeyPrefix = "Surveys:vote-result:";

    public static string SourceKey(long surveyId) => SourceKeyPrefix + surveyId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
