using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Identity;
using DxCollab.Platform.Results;
using DxCollab.Platform.Text;
using DxCollab.Platform.Validation;
using DxCollab.Procurement.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.Procurement.Vendors;

/// <summary>Vendor Q&amp;A: the lead body records each vendor's question, answers it and publishes the answer; members and
/// observers (and the prefecture's staff) read published ones and leave notes; the lead sees drafts too.</summary>
public sealed class VendorQuestionService(DxCollabDbContext db, TimeProvider clock, WorkspaceService workspaces)
{
    private const string Missing = "共同調達が見つかりません。";

    public async Task<Outcome<VendorQuestionList>> ListAsync(long workspaceId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<VendorQuestionList>.NotFound(Missing);
        var questions = db.Set<VendorQuestion>().AsNoTracking().Where(q => q.WorkspaceId == workspaceId);
        if (!seat.MayManage) questions = questions.Where(q => q.PublishedAt != null);
        var rows = await questions.OrderBy(q => q.ReceivedOn).ThenBy(q => q.Id).ToListAsync(ct);
        var ids = rows.Select(q => q.Id).ToList();
        var notes = (await db.Set<VendorQuestionNote>().AsNoTracking().Where(n => ids.Contains(n.QuestionId)).OrderBy(n => n.Id).ToListAsync(ct))
            .ToLookup(n => n.QuestionId);
        return Outcome<VendorQuestionList>.Ok(new(workspace.Id, workspace.Title, seat.MayManage, seat.MayComment,
            [.. rows.Select(q => View(q, notes[q.Id]))]));
    }

    /// <summary>Published questions with their answers, in the order received: what every vendor receives alike.</summary>
    public async Task<Outcome<(string Title, IReadOnlyList<VendorQuestion> Questions)>> PublishedAsync(long workspaceId, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var (workspace, _) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<(string, IReadOnlyList<VendorQuestion>)>.NotFound(Missing);
        var rows = await db.Set<VendorQuestion>().AsNoTracking().Where(q => q.WorkspaceId == workspaceId && q.PublishedAt != null)
            .OrderBy(q => q.ReceivedOn).ThenBy(q => q.Id).ToListAsync(ct);
        return Outcome<(string, IReadOnlyList<VendorQuestion>)>.Ok((workspace.Title, rows));
    }

    public async Task<Outcome<VendorQuestionView>> RecordAsync(long workspaceId, VendorQuestionInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<VendorQuestionView>.NotFound(Missing);
        if (!seat.MayManage) return Outcome<VendorQuestionView>.Forbidden("事業者からの質問を記録できるのは代表団体です。");
        if (input.Stage is not { } stage || !Enum.IsDefined(stage)) return Outcome<VendorQuestionView>.Invalid("stage", "段階（RFI または RFP）を選んでください。");
        if ((InputRefusals.Text<VendorQuestionView>("vendorName", input.VendorName, "質問した事業者名を入力してください。")
             ?? InputRefusals.Text<VendorQuestionView>("question", input.Question, "質問の内容を入力してください。")
             ?? InputRefusals.Text<VendorQuestionView>("answer", input.Answer)
             ?? InputRefusals.Date<VendorQuestionView>("receivedOn", input.ReceivedOn)) is { } refused) return refused;
        if (JapaneseText.Clean(input.VendorName) is not { Length: > 0 } vendor) return Outcome<VendorQuestionView>.Invalid("vendorName", "質問した事業者名を入力してください。");
        if (vendor.Length > 200) return Outcome<VendorQuestionView>.Invalid("vendorName", "事業者名は200文字以内で入力してください。");
        if (JapaneseText.Clean(input.Question) is not { Length: > 0 } question) return Outcome<VendorQuestionView>.Invalid("question", "質問の内容を入力してください。");
        if (question.Length > 4000) return Outcome<VendorQuestionView>.Invalid("question", "質問は4000文字以内で入力してください。");
        var answer = JapaneseText.Clean(input.Answer);
        if (answer is { Length: > 8000 }) return Outcome<VendorQuestionView>.Invalid("answer", "回答は8000文字以内で入力してください。");
        var now = clock.GetUtcNow();
        var today = JapaneseCalendar.TodayInTokyo(now);
        var received = input.ReceivedOn ?? today;
        if (received > today) return Outcome<VendorQuestionView>.Invalid("receivedOn", "受付日に未来の日付は入力できません。");
        var row = new VendorQuestion
        {
            WorkspaceId = workspaceId, Stage = stage, VendorName = vendor, Question = question, ReceivedOn = received,
            CreatedAt = now.UtcDateTime, CreatedBy = user.ActorLabel(),
        };
        if (answer is not null) (row.Answer, row.AnsweredAt, row.AnsweredBy) = (answer, now.UtcDateTime, user.ActorLabel());
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return Outcome<VendorQuestionView>.Ok(View(row, []));
    }

    /// <summary>Answers (or corrects the answer of) a question. A published answer corrected stays published: members see
    /// the correction at once, and the next export carries it.</summary>
    public async Task<Outcome<VendorQuestionView>> AnswerAsync(long workspaceId, long questionId, VendorAnswerInput input, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var (row, refusal) = await ManagedAsync(workspaceId, questionId, user, ct);
        if (row is null) return refusal!;
        if (InputRefusals.Text<VendorQuestionView>("answer", input.Answer, "回答を入力してください。") is { } refused) return refused;
        if (JapaneseText.Clean(input.Answer) is not { Length: > 0 } answer) return Outcome<VendorQuestionView>.Invalid("answer", "回答を入力してください。");
        if (answer.Length > 8000) return Outcome<VendorQuestionView>.Invalid("answer", "回答は8000文字以内で入力してください。");
        (row.Answer, row.AnsweredAt, row.AnsweredBy) = (answer, clock.GetUtcNow().UtcDateTime, user.ActorLabel());
        await db.SaveChangesAsync(ct);
        return Outcome<VendorQuestionView>.Ok(await ViewAsync(row, ct));
    }

    /// <summary>Publishes an answered question to the members (and the vendor export). Publishing again changes nothing.</summary>
    public async Task<Outcome<VendorQuestionView>> PublishAsync(long workspaceId, long questionId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var (row, refusal) = await ManagedAsync(workspaceId, questionId, user, ct);
        if (row is null) return refusal!;
        if (row.Answer is null) return Outcome<VendorQuestionView>.Conflict("回答のない質問は公開できません。先に回答を入力してください。");
        if (!row.IsPublished)
        {
            (row.PublishedAt, row.PublishedBy) = (clock.GetUtcNow().UtcDateTime, user.ActorLabel());
            await db.SaveChangesAsync(ct);
        }
        return Outcome<VendorQuestionView>.Ok(await ViewAsync(row, ct));
    }

    /// <summary>A comment or suggestion by anyone who reads the question (members, observers, the prefecture's staff).</summary>
    public async Task<Outcome<VendorNoteView>> NoteAsync(long workspaceId, long questionId, VendorNoteInput input, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return Outcome<VendorNoteView>.NotFound(Missing);
        var row = await db.Set<VendorQuestion>().AsNoTracking().FirstOrDefaultAsync(q => q.Id == questionId && q.WorkspaceId == workspaceId, ct);
        if (row is null || (!row.IsPublished && !seat.MayManage)) return Outcome<VendorNoteView>.NotFound("質問が見つかりません。");
        if (!seat.MayComment) return Outcome<VendorNoteView>.Forbidden("コメントできるのは参加団体と都道府県の職員です。");
        if (InputRefusals.Text<VendorNoteView>("text", input.Text, "コメントを入力してください。") is { } refused) return refused;
        if (JapaneseText.Clean(input.Text) is not { Length: > 0 } text) return Outcome<VendorNoteView>.Invalid("text", "コメントを入力してください。");
        if (text.Length > 2000) return Outcome<VendorNoteView>.Invalid("text", "コメントは2000文字以内で入力してください。");
        var note = new VendorQuestionNote
        {
            QuestionId = questionId, OrganizationCode = seat.OrganizationCode, Author = user.ActorLabel(), Text = text,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(note);
        await db.SaveChangesAsync(ct);
        return Outcome<VendorNoteView>.Ok(NoteView(note));
    }

    private async Task<(VendorQuestion? Row, Outcome<VendorQuestionView>? Refusal)> ManagedAsync(long workspaceId, long questionId, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var (workspace, seat) = await workspaces.SeatAsync(workspaceId, user, ct);
        if (workspace is null) return (null, Outcome<VendorQuestionView>.NotFound(Missing));
        var row = await db.Set<VendorQuestion>().FirstOrDefaultAsync(q => q.Id == questionId && q.WorkspaceId == workspaceId, ct);
        // A reader who may not see the draft does not learn that it exists.
        if (row is null || (!row.IsPublished && !seat.MayManage)) return (null, Outcome<VendorQuestionView>.NotFound("質問が見つかりません。"));
        if (!seat.MayManage) return (null, Outcome<VendorQuestionView>.Forbidden("回答と公開は代表団体が行います。"));
        return (row, null);
    }

    private async Task<VendorQuestionView> ViewAsync(VendorQuestion row, CancellationToken ct) =>
        View(row, await db.Set<VendorQuestionNote>().AsNoTracking().Where(n => n.QuestionId == row.Id).OrderBy(n => n.Id).ToListAsync(ct));

    private static VendorQuestionView View(VendorQuestion q, IEnumerable<VendorQuestionNote> notes) => new(q.Id, q.Stage, q.Stage.ToJapanese(),
        q.VendorName, q.Question, q.ReceivedOn, q.Answer, q.AnsweredAt, q.AnsweredBy, q.IsPublished, q.PublishedAt, [.. notes.Select(NoteView)]);

    private static VendorNoteView NoteView(VendorQuestionNote n) => new(n.Id, n.OrganizationCode, n.Author, n.Text, n.CreatedAt);
}
