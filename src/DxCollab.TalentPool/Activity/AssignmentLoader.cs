using System.Security.Claims;
using DxCollab.Platform.Data;
using DxCollab.Platform.Results;
using DxCollab.TalentPool.Access;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Activity;

internal sealed record LoadedAssignment(Assignment Assignment, Expert Expert);

/// <summary>Loads an assignment for a user: 404 for one they may not read (an expert never learns another expert's
/// assignment exists), 403 for one they may read but not log on (the 団体's officers).</summary>
internal sealed class AssignmentLoader(DxCollabDbContext db)
{
    public const string NotFoundMessage = "割当が見つかりません。";
    /// <summary>A change that found the assignment no longer open (its conditional update hit no row).</summary>
    public const string EndedMessage = "この割当はすでに終了または取消されています。";

    // Tracked (no AsNoTracking anywhere in the query: it would apply to the whole query), since logging and completing change the assignment.
    public async Task<Outcome<LoadedAssignment>> ReadAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await (from a in db.Set<Assignment>()
                           join e in db.Set<Expert>() on a.ExpertId equals e.Id
                           where a.Id == id
                           select new { a, e }).FirstOrDefaultAsync(ct);
        return found is not null && user.MayRead(found.a, found.e)
            ? Outcome<LoadedAssignment>.Ok(new(found.a, found.e)) : Outcome<LoadedAssignment>.NotFound(NotFoundMessage);
    }

    public async Task<Outcome<LoadedAssignment>> ForLoggingAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var read = await ReadAsync(id, user, ct);
        if (!read.Succeeded) return read;
        var (assignment, expert) = read.Value!;
        if (!user.MayLog(assignment, expert))
            return Outcome<LoadedAssignment>.Forbidden("活動の記録と支援報告は、担当の専門人材と都道府県の職員だけができます。");
        if (assignment.State == AssignmentState.Cancelled)
            return Outcome<LoadedAssignment>.Conflict("この割当は取り消されています。");
        return read;
    }
}
