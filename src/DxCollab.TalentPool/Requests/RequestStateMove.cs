using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Requests;

/// <summary>A request's state moved by a change to its assignments (assigned, first activity, ended), saved with the
/// change: the request's version token makes two such moves at once collide. When only the request collided, it is
/// read again and the move re-applied once (EF Core rolled the failed save back to its savepoint inside the caller's
/// transaction, so nothing else is written twice); a second collision, or a move that no longer applies, is refused
/// with <see cref="Conflict"/> and the caller's transaction is not committed.</summary>
internal static class RequestStateMove
{
    public const string Conflict = "同じ依頼がほかの操作で更新されました。もう一度お試しください。";

    /// <summary>Applies <paramref name="move"/> (false: it no longer applies) and saves all pending changes; false when refused.</summary>
    public static async Task<bool> SaveAsync(DbContext db, SupportRequest request, Func<SupportRequest, Task<bool>> move, CancellationToken ct)
    {
        if (!await move(request)) return false;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException e) when (e.Entries.All(x => x.Entity is SupportRequest))
        {
            // The audit interceptor added its entries for the failed save; the retry's save adds them again.
            foreach (var entry in db.ChangeTracker.Entries<DxCollab.Platform.Audit.AuditEntry>().Where(x => x.State == EntityState.Added).ToList())
                entry.State = EntityState.Detached;
            await db.Entry(request).ReloadAsync(ct);
            if (!await move(request)) return false;
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateConcurrencyException)
            {
                return false;
            }
        }
    }

    /// <summary>After an assignment of the request ended (終了 or 取消, already written in this transaction): with an
    /// assignment still open nothing changes; with none open, the request is 完了 when one was completed, else back to
    /// 調整中 (nobody left to support it). Never moves a request already 完了 or 取下げ.</summary>
    public static async Task<bool> SettleAsync(DbContext db, SupportRequest request, DateTime now, CancellationToken ct)
    {
        if (request.State is RequestState.Completed or RequestState.Withdrawn) return true;
        var states = await db.Set<Assignment>().AsNoTracking().Where(a => a.RequestId == request.Id).Select(a => a.State).ToListAsync(ct);
        if (states.Any(s => s is AssignmentState.Planned or AssignmentState.Active)) return true;
        if (states.Contains(AssignmentState.Completed))
        {
            request.State = RequestState.Completed;
            request.ClosedAt = now;
        }
        else if (request.State is RequestState.Assigned or RequestState.InSupport) request.State = RequestState.Coordinating;
        else return true;
        request.UpdatedAt = now;
        request.Version++;
        return true;
    }
}
