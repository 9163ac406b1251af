using DxCollab.Platform.Data;
using DxCollab.Platform.Text;
using DxCollab.TalentPool.Domain;
using Microsoft.EntityFrameworkCore;

namespace DxCollab.TalentPool.Pool;

/// <summary>Carries a new monthly capacity into the capacity ledger (<see cref="ExpertMonthLoad"/>) for this month (Tokyo)
/// and every later one. Months already booked beyond the new capacity refuse the change: one conditional update lowers
/// only the months that can take it, then any month left over capacity is named and the caller rolls back. The row locks
/// of that update and the ledger's CHECK keep a booking made at the same moment from slipping past.</summary>
public sealed class CapacityChange(DxCollabDbContext db, TimeProvider clock)
{
    /// <summary>Call inside a transaction. Returns null when done, else the refusal to show (the caller rolls back).</summary>
    public async Task<string?> ChangeAsync(Expert expert, int hours, CancellationToken ct)
    {
        var today = JapaneseCalendar.TodayInTokyo(clock.GetUtcNow());
        var from = ExpertMonthLoad.MonthKey(today);
        await db.Set<ExpertMonthLoad>()
            .Where(l => l.ExpertId == expert.Id && l.Month >= from && l.BookedHours <= hours)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.CapacityHours, hours), ct);
        var over = await db.Set<ExpertMonthLoad>().AsNoTracking()
            .Where(l => l.ExpertId == expert.Id && l.Month >= from && l.BookedHours > hours)
            .OrderBy(l => l.Month).FirstOrDefaultAsync(ct);
        if (over is null) return null;
        return $"{expert.Name} さんの {over.Month / 100}年{over.Month % 100}月 は既に {over.BookedHours} 時間が割り当てられているため、" +
               $"月の対応可能時間を {hours} 時間にはできません（{over.BookedHours} 時間以上にしてください）。";
    }
}
