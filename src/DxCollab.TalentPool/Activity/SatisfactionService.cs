using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Validation;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Activity;

/// <summary>The short satisfaction form (満足度) a 団体's officer answers once per completed request. Built in, not a 照会
/// of the survey engine: a survey asks a whole roster by a deadline, this is one question set per completed request.</summary>
public sealed class SatisfactionService(DxCollabDbContext db, TimeProvider clock)
{
    public const int MaxComment = 2000;

    /// <summary>The answer, if any (the staff and the 団体's officers; 404 for anyone else).</summary>
    public async Task<Outcome<SatisfactionState>> GetAsync(long requestId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var request = await db.Set<SupportRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || !(user.MayManagePool() || user.IsOfficerOf(request.OrganizationCode)))
            return Outcome<SatisfactionState>.NotFound("依頼が見つかりません。");
        var answer = await db.Set<SatisfactionAnswer>().AsNoTracking().FirstOrDefaultAsync(s => s.RequestId == requestId, ct);
        return Outcome<SatisfactionState>.Ok(new(answer is not null, answer is null ? null : View(answer)));
    }

    /// <summary>The partial's model for a request (null when the user may not see the request's satisfaction).</summary>
    public async Task<SatisfactionForm?> FormAsync(long requestId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var request = await db.Set<SupportRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || !(user.MayManagePool() || user.IsOfficerOf(request.OrganizationCode))) return null;
        var answer = await db.Set<SatisfactionAnswer>().AsNoTracking().FirstOrDefaultAsync(s => s.RequestId == requestId, ct);
        var completed = request.State == RequestState.Completed;
        return new SatisfactionForm(requestId, completed, completed && answer is null && user.IsOfficerOf(request.OrganizationCode),
            answer is null ? null : View(answer));
    }

    public async Task<Outcome<SatisfactionView>> AnswerAsync(long requestId, SatisfactionInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var request = await db.Set<SupportRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || !(user.MayManagePool() || user.IsOfficerOf(request.OrganizationCode)))
            return Outcome<SatisfactionView>.NotFound("依頼が見つかりません。");
        if (!user.IsOfficerOf(request.OrganizationCode)) return Outcome<SatisfactionView>.Forbidden("満足度に答えるのは依頼した団体の担当者です。");
        if (request.State != RequestState.Completed) return Outcome<SatisfactionView>.Conflict("満足度は支援が完了してからお答えください。");
        if (input.Rating is not (>= 1 and <= 5)) return Outcome<SatisfactionView>.Invalid("rating", "満足度を 1（不満）〜 5（満足）から選んでください。");
        if (input.WouldAskAgain is not { } again) return Outcome<SatisfactionView>.Invalid("wouldAskAgain", "また依頼したいかを選んでください。");
        if (InputRefusals.Text<SatisfactionView>("comment", input.Comment) is { } typed) return typed;
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        if (comment is { Length: > MaxComment }) return Outcome<SatisfactionView>.Invalid("comment", $"ご意見は{MaxComment}文字以内にしてください。");
        if (await db.Set<SatisfactionAnswer>().AnyAsync(s => s.RequestId == requestId, ct))
            return Outcome<SatisfactionView>.Conflict("この依頼の満足度はすでに回答済みです。");
        var answer = new SatisfactionAnswer
        {
            RequestId = requestId, OrganizationCode = request.OrganizationCode, Rating = input.Rating.Value, WouldAskAgain = again, Comment = comment,
            AnsweredAt = clock.GetUtcNow().UtcDateTime, AnsweredBy = user.ActorLabel(),
        };
        db.Add(answer);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two officers at once: the unique index on the request keeps the first.
            return Outcome<SatisfactionView>.Conflict("この依頼の満足度はすでに回答済みです。");
        }
        return Outcome<SatisfactionView>.Ok(View(answer));
    }

    private static SatisfactionView View(SatisfactionAnswer s) => new(s.RequestId, s.Rating, s.WouldAskAgain, s.Comment, s.AnsweredAt, s.AnsweredBy);
}
